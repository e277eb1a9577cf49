"""The calls dcx plans itself (first edit, follow-ups for renamed names) and the related files the
code model sees, in real repositories with the scripted fake backend."""

from __future__ import annotations

from dcx.backends import FakeBackend
from dcx.config import load_settings
from dcx.context import gather
from dcx.handler import LocalCodingHandler, Request
from dcx.plan import plan_first_call, related_files
from dcx.workspace import Workspace
from tests.conftest import call, code_reply

SHOP = {
    "shop/pages.py": "def paginate(items, page, size=10):\n    start = page * size\n"
                     "    return items[start : start + size]\n",
    "shop/money.py": "def format_price(cents):\n    return f\"${cents / 100:.2f}\"\n",
    "shop/catalog.py": "from shop.money import format_price\n\n\ndef price_tag(name, cents):\n"
                       "    return f\"{name}: {format_price(cents)}\"\n",
    "tests/test_pages.py": "from shop.pages import paginate\n\n\ndef test_first_page():\n"
                           "    assert paginate(list(range(30)), 1) == list(range(10))\n",
}


def plan(repo, instruction):
    context = gather(Workspace(repo), instruction, [], 1500)
    return plan_first_call(context, instruction), context


def test_a_named_function_is_the_first_target(make_repo) -> None:
    call_, _ = plan(make_repo(SHOP), "price_tag drops the product name")
    assert (call_.name, call_.arguments["path"], call_.arguments["target"]) == (
        "generate_code", "shop/catalog.py", "price_tag")


def test_without_a_name_the_best_source_file_is_rewritten_whole(make_repo) -> None:
    call_, _ = plan(make_repo(SHOP), "The first page shows the second page of items")
    assert (call_.name, call_.arguments["path"], call_.arguments["target"]) == (
        "generate_code", "shop/pages.py", "file")


def test_a_missing_path_the_request_asks_for_is_created(make_repo) -> None:
    call_, _ = plan(make_repo(SHOP), "Add a module shop/tax.py with vat(cents) returning 20%")
    assert (call_.name, call_.arguments["path"]) == ("create_file", "shop/tax.py")
    call_, _ = plan(make_repo(SHOP), "shop/tax.py is wrong")  # no add/create: not a new file
    assert call_ is None or call_.name != "create_file"


def test_nothing_matching_leaves_the_first_call_to_the_router(make_repo) -> None:
    call_, _ = plan(make_repo({"a.py": "x = 1\n"}), "zzz qqq")
    assert call_ is None


def test_related_files_are_other_matching_sources_not_tests(make_repo) -> None:
    repo = make_repo(SHOP)
    _, context = plan(repo, "add a currency parameter to format_price and price_tag")
    related = related_files(context, "shop/catalog.py", {})
    assert list(related) == ["shop/money.py"]
    assert related_files(context, "README.md", {}) == {}


def test_code_model_sees_related_files_and_may_change_them(make_repo) -> None:
    repo = make_repo(SHOP)
    router = FakeBackend([])
    coder = FakeBackend([code_reply(
        'def format_price(cents, currency="$"):\n    return f"{currency}{cents / 100:.2f}"\n\n\n'
        'def price_tag(name, cents, currency="$"):\n'
        '    return f"{name}: {format_price(cents, currency)}"\n')])
    handler = LocalCodingHandler(load_settings(repo, {}), Workspace(repo),
                                 backends={"language": router, "code": coder})
    result = handler.handle(Request("Add a currency parameter to format_price and to price_tag"))
    prompt = coder.history[0]["messages"][1]["content"]
    assert "File shop/money.py:" in prompt and "File shop/catalog.py:" in prompt
    assert sorted(result.files) == ["shop/catalog.py", "shop/money.py"]
    assert [(s.tool, s.by) for s in result.steps] == [("generate_code", "dcx"), ("finish", "dcx")]


def test_a_rename_is_followed_by_an_edit_of_each_file_that_still_uses_the_old_name(make_repo) -> None:
    repo = make_repo({
        "inv/calc.py": "def calc(lines):\n    return sum(lines)\n",
        "inv/invoice.py": "from inv.calc import calc\n\n\ndef total(lines):\n    return calc(lines)\n",
    })
    router = FakeBackend([])
    coder = FakeBackend([
        code_reply("def compute_total(lines):\n    return sum(lines)\n"),
        code_reply("from inv.calc import compute_total\n\n\ndef total(lines):\n"
                   "    return compute_total(lines)\n"),
    ])
    handler = LocalCodingHandler(load_settings(repo, {}), Workspace(repo),
                                 backends={"language": router, "code": coder})
    result = handler.handle(Request("Rename the function calc in inv/calc.py to compute_total"))
    assert [(s.tool, s.by) for s in result.steps] == [
        ("generate_code", "dcx"), ("generate_code", "dcx"), ("finish", "dcx")]
    assert result.steps[1].arguments["path"] == "inv/invoice.py"
    assert "renamed to compute_total" in result.steps[1].arguments["instructions"]
    assert sorted(result.files) == ["inv/calc.py", "inv/invoice.py"]
    assert "-from inv.calc import calc\n+from inv.calc import compute_total" in result.diff
    assert router.pending == 0 and coder.pending == 0
