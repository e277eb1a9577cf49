"""A test written from the request when every test passes before any change (dcx.request_test):
it counts only when it runs and fails on the unchanged code; then it checks each attempt, the
first attempt is told its failure, and it never reaches the user's tree or diff. Scripted
models, real repositories, real pytest runs."""

from __future__ import annotations

import sys

from dcx.config import load_settings
from dcx.progress import Silent
from dcx.request import Request
from dcx.solve import TestCommand, solve
from dcx.workspace import Workspace
from tests.conftest import code_reply
from tests.fakes import FakeBackend

SHOP = {
    "shop/__init__.py": "",
    "shop/cart.py": (
        "class Cart:\n    def __init__(self):\n        self.items = {}\n\n"
        "    def add(self, sku, qty=1):\n        self.items[sku] = self.items.get(sku, 0) + qty\n\n"
        "    def total(self, prices):\n        return sum(prices[s] for s in self.items)\n"),
    "tests/test_cart.py": (
        "from shop.cart import Cart\n\n\ndef test_add():\n    c = Cart()\n    c.add('a', 2)\n"
        "    assert c.items == {'a': 2}\n"),
}
REQUEST = "Cart.total() ignores the quantity: two of an item at 3 should total 6, not 3"
GOOD_TOTAL = "def total(self, prices):\n    return sum(prices[s] * q for s, q in self.items.items())"
WRONG_TOTAL = "def total(self, prices):\n    return sum(prices[s] for s in self.items) + 0"
REQUEST_TEST = ("from shop.cart import Cart\n\n\ndef test_two_at_three_total_six():\n    c = Cart()\n"
                "    c.add('a', 2)\n    assert c.total({'a': 3}) == 6\n\n\n"
                "def test_one_at_three_total_three():\n    c = Cart()\n    c.add('a')\n"
                "    assert c.total({'a': 3}) == 3\n")
PYTEST = TestCommand((sys.executable, "-m", "pytest", "-q"), 60)


def run(repo, code_replies, rounds=1, **settings):
    coder = FakeBackend(code_replies)
    solution = solve(Request(REQUEST), Workspace(repo), load_settings(repo, settings), Silent(),
                     {"router": FakeBackend([]), "code": coder}, rounds=rounds, tests=PYTEST)
    return solution, coder


def test_a_test_written_from_the_request_checks_every_attempt_and_stays_out_of_the_tree(make_repo) -> None:
    repo = make_repo(SHOP)
    solution, coder = run(repo, [code_reply(REQUEST_TEST), code_reply(WRONG_TOTAL), code_reply(GOOD_TOTAL)])
    written = solution.request_test.test
    assert written is not None and written.path == "tests/test_dcx_request.py" and written.tests == 2
    assert written.run.failing == ("tests.test_dcx_request::test_two_at_three_total_six",)
    # the test-writing prompt showed the code and the nearest tests, and the request
    prompt = coder.history[0]["messages"][1]["content"]
    assert "def total(self, prices)" in prompt and "File tests/test_cart.py" in prompt and REQUEST in prompt
    # the first attempt was told what the written test says now
    assert "test_two_at_three_total_six" in coder.history[1]["messages"][1]["content"]
    first, second = solution.attempts
    assert not first.check.passed and "test_two_at_three_total_six" in " ".join(first.failing)
    assert second.check.passed and solution.chosen is second
    assert "tests/test_dcx_request.py" not in solution.result.diff
    assert not (repo / "tests" / "test_dcx_request.py").exists()
    assert "test_dcx_request" not in Workspace(repo).all_files


def test_breaking_a_written_test_ranks_an_attempt_lower_but_never_withholds_it(make_repo) -> None:
    # doubling every price passes the written test that failed and breaks the one that passed
    doubled = "def total(self, prices):\n    return sum(prices[s] * 2 for s in self.items)"
    solution, _ = run(make_repo(SHOP), [code_reply(REQUEST_TEST), code_reply(doubled)], rounds=0)
    (attempt,) = solution.attempts
    assert "tests.test_dcx_request::test_one_at_three_total_three" in attempt.failing
    assert attempt.regressions == () and solution.withheld == ""  # dcx's guess, not the user's tests
    assert not solution.passed and "prices[s] * 2" in solution.result.diff
    # the user's own tests still withhold: the same change when a test of theirs checks one item
    one = {**SHOP, "tests/test_one.py": ("from shop.cart import Cart\n\n\ndef test_one():\n    c = Cart()\n"
                                         "    c.add('a')\n    assert c.total({'a': 3}) == 3\n")}
    solution, _ = run(make_repo(one), [code_reply(REQUEST_TEST), code_reply(doubled)], rounds=0)
    assert solution.chosen.regressions == ("tests.test_one::test_one",) and solution.withheld


def test_a_written_test_that_passes_on_the_code_as_it_is_is_not_used(make_repo) -> None:
    repo = make_repo(SHOP)
    passes = "from shop.cart import Cart\n\n\ndef test_one():\n    c = Cart()\n    c.add('a')\n" \
             "    assert c.total({'a': 3}) == 3\n"
    solution, coder = run(repo, [code_reply(passes), code_reply(WRONG_TOTAL)])
    assert solution.request_test.test is None and "passes on the code as it is" in solution.request_test.why
    assert len(solution.attempts) == 1 and solution.passed  # the user's tests alone: they pass


def test_a_written_test_that_does_not_run_is_not_used(make_repo) -> None:
    repo = make_repo(SHOP)
    # a fixture that does not exist: the file compiles and names nothing undefined, but cannot run
    broken = "from shop.cart import Cart\n\n\ndef test_total(cart_with_two):\n    assert Cart().total({}) == 6\n"
    solution, _ = run(repo, [code_reply(broken), code_reply(WRONG_TOTAL)])
    assert solution.request_test.test is None and "does not run as written" in solution.request_test.why


def test_a_written_test_naming_what_does_not_exist_is_dropped_before_it_runs(make_repo) -> None:
    repo = make_repo(SHOP)
    undefined = "from shop.cart import Cart\n\n\ndef test_total():\n    assert Cart().total(PRICES) == 6\n"
    solution, coder = run(repo, [code_reply(undefined), code_reply(GOOD_TOTAL)])
    assert solution.request_test is None  # nothing usable came back: nothing was run
    assert len(coder.history) == 2 and solution.passed


def test_no_test_is_written_when_a_test_already_fails_or_the_setting_is_off(make_repo) -> None:
    failing = {**SHOP, "tests/test_total.py": (
        "from shop.cart import Cart\n\n\ndef test_total():\n    c = Cart()\n    c.add('a', 2)\n"
        "    assert c.total({'a': 3}) == 6\n")}
    solution, coder = run(make_repo(failing), [code_reply(GOOD_TOTAL)])
    assert solution.request_test is None and len(coder.history) == 1 and solution.passed
    solution, coder = run(make_repo(SHOP), [code_reply(GOOD_TOTAL)], request_tests=False)
    assert solution.request_test is None and len(coder.history) == 1


def test_imports_a_small_model_forgets_are_added_and_unused_ones_do_not_count() -> None:
    from dcx.request_test import mended

    project = {"shop/__init__.py": "", "shop/cart.py": SHOP["shop/cart.py"]}
    reply = ("from shop.cart import Cart\nimport os\n\n\ndef test_day():\n"
             "    assert Cart() is not None and date(2024, 12, 31).day == pytest.approx(31)\n")
    text = mended("tests/test_dcx_request.py", reply, project)
    assert text.startswith("import pytest\n") and "from datetime import date\n" in text
    compile(text, "t.py", "exec")


def test_only_tests_that_expect_what_the_request_states_are_kept() -> None:
    from dcx.request_test import grounded, test_names

    request = ("Night shifts go wrong: Sam's shift from 22:00 to 06:00 shows -16.0 hours instead of "
               "8.0, and 0 K comes out as -119.75 F instead of -459.67 F; raise ValueError "
               "\"no dose of meloxicam\" for a rabbit")
    text = (
        "import pytest\n\n\n"
        "def test_night_shift():\n    assert hours('22:00', '06:00') == 8.0\n\n\n"  # stated
        "def test_invented_total():\n    assert total('Sam') == {'Sam': 9.5}\n\n\n"  # 9.5: never said
        "def test_kelvin():\n    assert convert(0, 'K', 'F') == pytest.approx(-459.67, abs=0.01)\n\n\n"
        "def test_dose():\n    with pytest.raises(ValueError, match='no dose of meloxicam'):\n"
        "        dose('rabbit')\n\n\n"
        "def test_nothing_from_the_request():\n    assert area() > 0\n\n\n"  # no value the request gives
        "def test_invented_message():\n    with pytest.raises(ValueError, match='bad shift'):\n"
        "        hours('22:00', '06:00')\n")
    kept = grounded(text, request)
    assert test_names(kept) == ["test_night_shift", "test_kelvin", "test_dose"]
    compile(kept, "t.py", "exec")


def test_dcx_fix_reports_the_written_test_and_applies_only_the_users_change(make_repo, tmp_path) -> None:
    import json
    import os
    import subprocess
    from pathlib import Path

    from tests.conftest import PROJECT_ROOT
    from tests.fakes import subprocess_env

    repo = make_repo(SHOP)
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"router": [], "code": [code_reply(REQUEST_TEST), code_reply(GOOD_TOTAL)]}))
    env = {**os.environ, **subprocess_env(script),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    ran = subprocess.run([str(PROJECT_ROOT / ".venv" / "bin" / "dcx"), "fix", REQUEST, "--test",
                          f"{sys.executable} -m pytest -q -p no:cacheprovider", "--apply", "--json"],
                         cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, ran.stderr
    out = json.loads(ran.stdout)
    assert out["tests_passed"] is True and out["applied"]
    assert out["request_test"]["path"] == "tests/test_dcx_request.py"
    assert "def test_two_at_three_total_six" in out["request_test"]["text"]
    assert "1 fail on the code as it is" in out["request_test"]["why"]
    assert not (repo / "tests" / "test_dcx_request.py").exists()
    assert "* q for s, q in self.items.items()" in (repo / "shop" / "cart.py").read_text()



def test_the_written_test_goes_beside_the_tests_that_exercise_the_code_under_a_free_name() -> None:
    from dcx.request_test import place
    from dcx.scope import Scope

    scope = Scope("shop/cart.py", "file", (), {}, (), tests={"tests/unit/test_cart.py": ("test_add",)})
    files = ("shop/cart.py", "tests/unit/test_cart.py", "tests/unit/test_dcx_request.py")
    assert place(files, scope) == "tests/unit/test_dcx_request_2.py"
    assert place(("cart.py",), Scope("cart.py", "file", (), {}, ())) == "test_dcx_request.py"


def test_a_reply_that_loops_is_stopped_and_not_used(make_repo) -> None:
    looped = "from shop.cart import Cart\n\n\ndef test_total():\n" + "    assert Cart().total({'a': 3}) == 6\n" * 30
    solution, coder = run(make_repo(SHOP), [code_reply(looped), code_reply(GOOD_TOTAL)])
    assert solution.request_test is None and solution.passed  # the user's tests alone checked it
    assert len(coder.history) == 2


def test_tests_naming_what_does_not_exist_are_dropped_and_the_rest_kept() -> None:
    from dcx.request_test import test_names, without_broken_tests

    project = {"shop/__init__.py": "", "shop/cart.py": SHOP["shop/cart.py"]}
    text = ("from shop.cart import Cart\n\n\ndef test_total():\n    c = Cart()\n    c.add('a', 2)\n"
            "    assert c.total({'a': 3}) == 6\n\n\ndef test_prices():\n    assert Cart().total(PRICES) == 6\n")
    kept = without_broken_tests("tests/test_dcx_request.py", text, project)
    assert kept is not None and test_names(kept) == ["test_total"]
    broken_outside = "from shop.cart import Cart\nLIMIT = MISSING\n\n\ndef test_total():\n    assert Cart()\n"
    assert without_broken_tests("tests/test_dcx_request.py", broken_outside, project) is None


def test_a_helper_of_the_existing_tests_is_copied_in_when_the_written_test_calls_it() -> None:
    from dcx.request_test import borrowed_helpers

    existing = {"tests/test_cart.py": ("from shop.cart import Cart\n\n\ndef full_cart():\n    c = Cart()\n"
                                       "    c.add('a', 2)\n    return c\n\n\ndef test_add():\n"
                                       "    assert full_cart().items == {'a': 2}\n")}
    text = "from shop.cart import Cart\n\n\ndef test_total():\n    assert full_cart().total({'a': 3}) == 6\n"
    copied = borrowed_helpers("tests/test_dcx_request.py", text, existing)
    namespace = {"Cart": _cart_class()}
    exec(compile(copied.replace("from shop.cart import Cart\n", ""), "t.py", "exec"), namespace)
    namespace["test_total"]()  # full_cart is defined, and the test runs
    assert borrowed_helpers("tests/test_dcx_request.py", text, {}) == text  # nowhere to copy from


def _cart_class():
    namespace: dict = {}
    exec(SHOP["shop/cart.py"].replace("prices[s] for s in self.items",
                                      "prices[s] * q for s, q in self.items.items()"), namespace)
    return namespace["Cart"]


def test_a_stated_message_is_matched_as_written_not_as_a_pattern() -> None:
    import pytest

    from dcx.request_test import literal_messages

    request = 'Refuse it with ValueError("2841 already has a finish time (1:02:33)")'
    text = ("import pytest\n\n\ndef test_refused():\n    with pytest.raises(ValueError, "
            "match=\"2841 already has a finish time (1:02:33)\"):\n"
            "        raise ValueError('2841 already has a finish time (1:02:33)')\n")
    with pytest.raises(AssertionError):  # as the model wrote it, the right message does not match
        exec(compile(text, "t.py", "exec"), namespace := {})
        namespace["test_refused"]()
    fixed = literal_messages(text, request)
    exec(compile(fixed, "t.py", "exec"), namespace := {})
    namespace["test_refused"]()
    assert fixed.startswith("import re\n")
    assert 're.escape("2841 already has a finish time (1:02:33)")' in fixed
    future = literal_messages("from __future__ import annotations\n" + text, request)
    assert future.startswith("from __future__ import annotations\nimport re\n")
    unstated = text.replace("match=\"2841", "match=\"2842")
    assert literal_messages(unstated, request) == unstated  # a message the request does not give
