"""dcx's own rename of an imported name (dcx.rename)."""

from __future__ import annotations

from dcx.pyimports import module_names
from dcx.rename import imports_name, rename_references

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


def test_names_the_file_binds_itself_are_left_to_the_model() -> None:
    for text in ("from calc import calc\nimport calc as c\n\ndef f(calc=0):\n    return calc\n",
                 "from calc import calc\n\ncalc = calc(1)\n",
                 "from calc import calc\nimport calc\n"):
        assert rename_references(text, "a.py", "calc.py", "calc", "compute_total") is None


def test_the_module_name_and_keyword_names_are_not_renamed() -> None:
    text = "from calc import calc\n\n\ndef run(report):\n    return report(calc=calc(1))\n"
    new = rename_references(text, "a.py", "calc.py", "calc", "compute_total")
    assert new == ("from calc import compute_total\n\n\ndef run(report):\n"
                   "    return report(calc=compute_total(1))\n")


def test_uses_name_ignores_comments_strings_and_own_definitions() -> None:
    from dcx.rename import uses_name

    assert not uses_name('"""calc is done elsewhere."""\n# calc\nx = "calc"\n', "calc")
    assert uses_name("from m import calc\n", "calc") and uses_name("y = calc(1)\n", "calc")
    assert not uses_name("def calc():\n    pass\n\n\ny = calc()\n", "calc")


def test_importing_the_module_of_the_same_name_is_not_a_use_of_the_function() -> None:
    """fixtures/rename_helper: tests do `from invoices import calc as module` (the module
    invoices/calc.py), which is not a use of the function calc defined in it."""
    from dcx.rename import uses_name

    module_import = "from invoices import calc as module\n\nmodule.compute_total([])\n"
    assert not uses_name(module_import, "calc", "tests/test_invoice.py", "invoices/calc.py")
    assert uses_name("from invoices.calc import calc\n", "calc", "tests/t.py", "invoices/calc.py")
    assert uses_name("from .calc import calc\n", "calc", "invoices/invoice.py", "invoices/calc.py")
    assert uses_name("from invoices import calc\n", "calc", "tests/t.py", "invoices/__init__.py")
