"""`dcx bench SUITE --request-tests` (dcx.request_test_bench): the test dcx writes from each
request, graded against the task's reference fix. Scripted code model, real git and pytest."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dcx.bench import discover
from dcx.config import load_settings
from dcx.request_test_bench import run_suite, summary_table
from tests.conftest import code_reply
from tests.fakes import FakeBackend, use_script_everywhere
from tests.test_bench import hidden_test_suite

REFERENCE = ("diff --git a/calc.py b/calc.py\n--- a/calc.py\n+++ b/calc.py\n@@ -1,5 +1,5 @@\n"
             " def add(a, b):\n-    return a - b\n+    return a + b\n \n \n def one():\n")
RIGHT = "from calc import add\n\n\ndef test_two_and_three_make_five():\n    assert add(2, 3) == 5\n"
WRONG = "from calc import add\n\n\ndef test_two_and_three_make_six():\n    assert add(2, 3) == 6\n"


def suite_with_reference(tmp_path):
    suite = hidden_test_suite(tmp_path)
    (suite / "add_task" / "reference.diff").write_text(REFERENCE)
    task = json.loads((suite / "add_task" / "task.json").read_text())
    task["instruction"] = "add() subtracts: add(2, 3) should be 5, and 2 + 3 is not 6"
    (suite / "add_task" / "task.json").write_text(json.dumps(task))
    return suite


def test_a_written_test_is_right_when_it_passes_with_the_reference_fix(tmp_path) -> None:
    suite = suite_with_reference(tmp_path)
    graded = {}
    for name, reply in (("right", RIGHT), ("wrong", WRONG)):
        coder = FakeBackend([code_reply(reply)])
        (written,) = run_suite(discover(suite), load_settings(None, {}),
                               {"router": FakeBackend([]), "code": coder}, lambda i, r: None)
        graded[name] = written
    assert graded["right"].outcome == "usable" and graded["right"].right is True
    assert graded["wrong"].outcome == "usable" and graded["wrong"].right is False
    table = summary_table(list(graded.values()))
    assert "all                     2       2      1      1" in table
    # the suite's own copy is untouched: the reference was applied in a scratch copy only
    assert "a - b" in (suite / "add_task" / "repo" / "calc.py").read_text()


def test_a_test_that_passes_now_is_not_usable_and_failing_tests_mean_none_is_written(tmp_path) -> None:
    suite = suite_with_reference(tmp_path)
    passes = "from calc import add\n\n\ndef test_not_six():\n    assert add(2, 3) != 6\n"
    coder = FakeBackend([code_reply(passes)])
    (written,) = run_suite(discover(suite), load_settings(None, {}), {"router": FakeBackend([]), "code": coder},
                           lambda i, r: None)
    assert written.outcome == "passes now" and written.right is None
    (suite / "add_task" / "repo" / "tests" / "test_add.py").write_text(
        "from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n")
    coder = FakeBackend([])
    (written,) = run_suite(discover(suite), load_settings(None, {}), {"router": FakeBackend([]), "code": coder},
                           lambda i, r: None)
    assert written.outcome == "tests fail now" and coder.history == []


def test_the_command_line_prints_each_task_and_the_table(tmp_path, monkeypatch) -> None:
    from dcx.cli import main

    suite = suite_with_reference(tmp_path)
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"router": [], "code": [code_reply(RIGHT)]}))
    use_script_everywhere(monkeypatch, script)
    ran = CliRunner().invoke(main, ["bench", str(suite), "--request-tests", "--json", str(tmp_path / "r.json")])
    assert ran.exit_code == 0, ran.output + ran.stderr
    assert "add_task" in ran.stderr and "usable" in ran.stderr and "right" in ran.stderr
    assert "tried  usable  right  wrong" in ran.stdout
    saved = json.loads((tmp_path / "r.json").read_text())
    assert saved["results"][0]["right"] is True and "add(2, 3) == 5" in saved["results"][0]["text"]
