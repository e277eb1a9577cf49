"""dcx's own rename of an imported name (dcx.rename)."""

from __future__ import annotations

from dcx.rename import imports_name, module_names, rename_references

USER = '''from shop.calc import calc, other
import shop


def total(lines):
    # calc is the helper
    value = calc(lines) + shop.calc.calc(lines)
    return f"calc={value}", obj.calc
'''


def test_module_names() -> None:
    assert module_names("src/shop/calc.py") == {"src.shop.calc", "shop.calc", "calc"}
    assert module_names("shop/__init__.py") == {"shop"}


def test_bare_names_are_renamed_but_not_attributes_strings_or_comments() -> None:
    new = rename_references(USER, "app.py", "shop/calc.py", "calc", "compute_total")
    assert new == USER.replace("import calc, other", "import compute_total, other").replace(
        "value = calc(lines)", "value = compute_total(lines)")


def test_relative_imports_resolve_and_other_modules_do_not_count() -> None:
    text = "from .calc import calc\n\nx = calc(1)\n"
    assert imports_name(text, "shop/orders.py", "shop/calc.py", "calc")
    assert not imports_name(text, "shop/orders.py", "other/calc2.py", "calc")
    assert rename_references(text, "shop/orders.py", "other/calc2.py", "calc", "y") is None
    aliased = "from shop.calc import calc as c\n"
    assert not imports_name(aliased, "a.py", "shop/calc.py", "calc")
