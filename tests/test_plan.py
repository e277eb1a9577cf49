"""The calls dcx plans itself (first edit, follow-ups for renamed names) and the related files the
code model sees, in real repositories with the scripted fake backend."""

from __future__ import annotations

from dataclasses import replace

from dcx.config import load_settings
from dcx.context import gather
from dcx.pipeline import Pipeline
from dcx.plan import is_request_page, plan_first_call, related_files
from dcx.request import Request
from dcx.workspace import Workspace
from tests.conftest import code_reply
from tests.fakes import FakeBackend

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


def test_a_named_function_is_where_the_code_model_looks_first(make_repo) -> None:
    call_, _ = plan(make_repo(SHOP), "price_tag drops the product name")
    assert (call_.name, call_.arguments["path"], call_.arguments["target"]) == (
        "generate_code", "shop/catalog.py", "file")
    assert call_.arguments["focus"][0] == "price_tag in shop/catalog.py"
    assert call_.arguments["excerpts"] == {"shop/money.py": ["format_price"]}  # what it calls


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
    handler = Pipeline(load_settings(repo, {}), Workspace(repo),
                                 backends={"router": router, "code": coder})
    result = handler.run(handler.start(Request("Add a currency parameter to format_price and to price_tag")))
    prompt = coder.history[0]["messages"][1]["content"]
    assert "File shop/money.py" in prompt and "File shop/catalog.py" in prompt
    assert sorted(result.files) == ["shop/catalog.py", "shop/money.py"]
    assert [(s.tool, s.by) for s in result.steps] == [("generate_code", "dcx"), ("finish", "dcx")]


def test_a_rename_is_followed_into_the_files_that_import_the_old_name(make_repo) -> None:
    repo = make_repo({
        "inv/calc.py": "def calc(lines):\n    return sum(lines)\n",
        "inv/invoice.py": "from inv.calc import calc\n\n\ndef total(lines):\n    return calc(lines)\n",
        "inv/report.py": "from .calc import calc as total_of\n\n\ndef line(lines):\n"
                         "    return str(total_of(lines))\n",
    })
    coder = FakeBackend([code_reply("def compute_total(lines):\n    return sum(lines)\n"),
                         code_reply("from .calc import compute_total as total_of\n")])
    handler = Pipeline(load_settings(repo, {}), Workspace(repo),
                                 backends={"router": FakeBackend([]), "code": coder})
    result = handler.run(handler.start(Request("Rename the function calc in inv/calc.py to compute_total")))
    # invoice.py imports the name: dcx renames it itself; report.py aliases it: the code model does
    assert [(s.tool, s.by, s.arguments.get("path")) for s in result.steps] == [
        ("generate_code", "dcx", "inv/calc.py"), ("update_references", "dcx", "inv/invoice.py"),
        ("generate_code", "dcx", "inv/report.py"), ("finish", "dcx", None)]
    assert sorted(result.files) == ["inv/calc.py", "inv/invoice.py", "inv/report.py"]
    assert "-from inv.calc import calc\n+from inv.calc import compute_total\n" in result.diff
    assert "-    return calc(lines)\n+    return compute_total(lines)\n" in result.diff
    assert "+from .calc import compute_total as total_of\n" in result.diff
    assert "renamed calc to compute_total, changed total in inv/invoice.py" in result.answer
    assert coder.pending == 0


def test_a_bare_file_name_of_an_existing_file_is_not_a_new_file(make_repo) -> None:
    call_, _ = plan(make_repo(SHOP), "Add input validation to pages.py")
    assert call_.name == "generate_code" and call_.arguments["path"] == "shop/pages.py"


GRAPH = {
    "search.py": "def reachable(start, goal):\n    return any(reachable(n, goal) for n in start.successors)\n",
    "node.py": "class Node:\n    def __init__(self, value, successors=()):\n        self.value = value\n"
               "        self.successors = list(successors)\n",
    "conftest.py": "import pytest\n\n\ndef pytest_configure(config):\n    pass\n",
    "unrelated.py": "def reachable_words():\n    return 'search'\n",
    "test_search.py": "from node import Node\n\nfrom search import reachable\n\n\ndef test_cycle():\n"
                      "    a = Node('a')\n    a.successors = [a]\n    assert not reachable(a, Node('b'))\n",
}


def test_related_files_follow_imports_of_the_target_and_of_the_named_tests_never_conftest(make_repo) -> None:
    repo = make_repo({**GRAPH, "search.py": "import node\n\n\n" + GRAPH["search.py"]})
    _, context = plan(repo, "Fix the bug in search.py: the tests in test_search.py fail.")
    assert list(related_files(context, "search.py", {}))[0] == "node.py"  # imported by the target
    repo2 = make_repo(GRAPH)
    _, context = plan(repo2, "Fix the bug in search.py: the tests in test_search.py fail.")
    related = related_files(context, "search.py", {})
    assert list(related)[0] == "node.py"  # imported by the test the request names
    assert "conftest.py" not in related and "test_search.py" not in related


def test_named_tests_are_shown_for_reference_and_never_changed(make_repo) -> None:
    repo = make_repo(GRAPH)
    fixed = ("def reachable(start, goal, seen=None):\n    seen = set() if seen is None else seen\n"
             "    if start in seen:\n        return False\n    seen.add(start)\n"
             "    return start is goal or any(reachable(n, goal, seen) for n in start.successors)\n")
    cheat = "def test_cycle():\n    assert True\n"
    coder = FakeBackend([code_reply(fixed + "\n\n" + cheat)])
    handler = Pipeline(load_settings(repo, {}), Workspace(repo),
                                 backends={"router": FakeBackend([]), "code": coder})
    result = handler.run(handler.start(Request("Fix the bug in search.py: the tests in test_search.py fail.")))
    prompt = coder.history[0]["messages"][1]["content"]
    assert "File test_search.py (tests, for reference; not to be changed):" in prompt
    assert prompt.count("File test_search.py") == 1  # not again as the scope's reference
    assert "a.successors = [a]" in prompt
    assert result.files == ("search.py",)  # the reply's test function went nowhere
    assert "def test_cycle" not in result.diff and "seen.add(start)" in result.diff


def test_test_data_named_after_the_module_is_shown_whole_lines_and_capped(make_repo) -> None:
    from dcx.plan import TEST_DATA_CHARS, named_tests

    cases = "".join(f'[[{n}, 16], "{n:X}"]\n' for n in range(1, 400))
    repo = make_repo({
        "to_base.py": "def to_base(num, b):\n    return ''\n",
        "test_to_base.py": "from to_base import to_base\n\n\ndef test_cases():\n    pass\n",
        "json_testcases/to_base.json": cases,
        "json_testcases/other.json": '[[1], "1"]\n',
    })
    _, context = plan(repo, "Fix the bug in to_base.py: the tests in test_to_base.py fail.")
    shown = named_tests(context, "to_base.py")
    assert list(shown) == ["test_to_base.py", "json_testcases/to_base.json"]
    data = shown["json_testcases/to_base.json"]
    body, _, tail = data.rpartition("... (")
    assert cases.startswith(body) and body.endswith("\n") and len(body) <= TEST_DATA_CHARS
    assert tail == f"{cases.count(chr(10)) - body.count(chr(10))} more lines)\n"
    # without a named test there is no reference data either
    _, context = plan(repo, "to_base gives the wrong digits")
    assert named_tests(context, "to_base.py") == {}


STUB_PAGE = ("# Shelf labels\n\nThe shop prints a label for each shelf. Implement `label_text(name, cents)`, "
             "which gives the name and the price as `Tea: $2.50`, and `shelf_labels(items)`, which gives one "
             "label per `(name, cents)` item, in order, skipping items whose price is unknown (`None`).\n")


def test_the_page_that_holds_the_request_is_not_the_code_to_write(make_repo) -> None:
    # An exercise ships its instructions as a page, and the request is that page: it ranks first
    # for every word, and dcx used to leave the Python plan for it (the stubs went one by one)
    stubs = ("def label_text(name, cents):\n    raise NotImplementedError\n\n\n"
             "def shelf_labels(items):\n    raise NotImplementedError\n")
    repo = make_repo({**SHOP, "INSTRUCTIONS.md": STUB_PAGE + "\n", "shop/labels.py": stubs})
    call_, context = plan(repo, STUB_PAGE)
    assert context.ranked[0].path == "INSTRUCTIONS.md"
    assert (call_.arguments["path"], call_.arguments["target"]) == ("shop/labels.py", "file")
    # a page the request names, one that only shares words with it, or a short request: a candidate
    page = context.ranked[0]
    assert is_request_page(page, STUB_PAGE) and not is_request_page(replace(page, named=True), STUB_PAGE)
    assert not is_request_page(page, STUB_PAGE.replace("$2.50", "2.50 $"))
    assert not is_request_page(page, "Implement `label_text(name, cents)`")
    # the page with a line of the user's own after it is still the page (the sublist exercise
    # made its instructions page the target: a Markdown file to write code into)
    asked = STUB_PAGE + "\nImplement them in shop/labels.py.\n"
    assert is_request_page(page, asked)
    call_, _ = plan(repo, asked)
    assert (call_.arguments["path"], call_.arguments["target"]) == ("shop/labels.py", "file")


def test_names_in_a_page_are_not_code_the_request_names(make_repo) -> None:
    # A page's example block that shares a word with the request is not a definition: the code
    # model was told "The request names: minute in .docs/instructions.md"
    page = ("# Clock\n\n- `repr(clock)` gives the normalised hour\n  and minute (0 to 59) as plain numbers:\n\n"
            "  ```python\n  >>> str(Clock(1, 160))\n  ```\n")
    stub = "class Clock:\n    def __init__(self, hour, minute):\n        pass\n\n    def __str__(self):\n        pass\n"
    repo = make_repo({".docs/instructions.md": page, "clock.py": stub})
    request = "Implement `Clock`: `str(clock)` shows the time; the `minute` rolls over."
    _, context = plan(repo, request)
    assert any(s.name == "minute" for f in context.ranked if f.path.endswith(".md") for s in f.symbols)
    assert all(not p.endswith(".md") for p, _ in context.spelled)
    assert ("clock.py", "Clock") in context.spelled


def test_a_method_spelled_out_with_its_class_is_not_a_class_to_extend_whatever_the_verbs(make_repo) -> None:
    # "accepts" reads like a feature request ("let X accept Y"); the whole class as the target
    # made the real model copy it unchanged twice (the account_withdraw fixture)
    bank = {"bank/account.py": (
        "class Account:\n    def __init__(self, balance=0):\n        self.balance = balance\n\n"
        "    def deposit(self, amount):\n        if amount <= 0:\n            raise ValueError('amount must be positive')\n"
        "        self.balance += amount\n\n    def withdraw(self, amount):\n        self.balance -= amount\n")}
    call_, _ = plan(make_repo(bank), "Account.withdraw accepts zero and negative amounts; it must raise "
                                     "ValueError like deposit does.")
    assert (call_.arguments["path"], call_.arguments["target"]) == ("bank/account.py", "file")
    call_, _ = plan(make_repo(bank), "Let Account accept a starting overdraft limit")
    assert call_.arguments["target"] == "Account"


def test_a_definition_the_prompt_says_the_request_names_is_shown(make_repo) -> None:
    # The podfeed probe: the prompt said "The request names: Player.play in podfeed/player.py",
    # yet showed only a method play calls, so the model could not wire the feature into it
    podcast = {
        "podcast/subscriptions.py": (
            "class Subscription:\n    def __init__(self, url, speed=1.0):\n        if speed <= 0:\n"
            "            raise ValueError('speed setting must be positive')\n        self.url = url\n"
            "        self.speed = speed\n\n\ndef load_subscriptions(rows):\n"
            "    \"\"\"The subscriptions file's rows; a setting a row lacks gets its default.\"\"\"\n"
            "    return [Subscription(r['url'], r.get('speed', 1.0)) for r in rows]\n\n\n"
            "def save_subscriptions(subscriptions):\n"
            "    return [{'url': s.url, 'speed': s.speed} for s in subscriptions]\n\n\n"
            "def find_subscription(subscriptions, url):\n    \"\"\"The subscription of a feed, with its settings (speed) "
            "from the subscriptions file; refused when not subscribed.\"\"\"\n"
            "    return next(s for s in subscriptions if s.url == url)\n"),
        "podcast/progress.py": ("def resume_at(episode):\n    return episode.get('position', 0)\n\n\n"
                                "def started(episode):\n    return resume_at(episode) > 0\n"),
        "podcast/player.py": (
            "from podcast.progress import resume_at\n\n\nclass Player:\n"
            "    def __init__(self, subscriptions):\n        self.subscriptions = subscriptions\n\n"
            "    def subscription_for(self, episode):\n"
            "        return next(s for s in self.subscriptions if s.url == episode['url'])\n\n"
            "    def play(self, episode):\n        sub = self.subscription_for(episode)\n"
            "        return resume_at(episode) / sub.speed\n"),
    }
    request = ("Give each subscription a skip_intro setting (seconds, default 0), loaded and saved "
               "with the other settings in the subscriptions file and refused when negative, like a "
               "speed that is not positive. When I press play on an episode I have not started, "
               "start at the skip_intro point.")
    call_, context = plan(make_repo(podcast), request)
    assert (call_.arguments["path"], call_.arguments["target"]) == ("podcast/subscriptions.py", "file")
    assert ("podcast/player.py", "Player.play") in context.spelled
    assert "Player.play in podcast/player.py" not in call_.arguments["focus"]  # ranked below four
    assert "Player.play" in call_.arguments["excerpts"]["podcast/player.py"]
    assert "Player.play" in call_.arguments["editable"]
