"""The verify loop: test command on a scratch copy, failures fed back, bounded rounds."""

from __future__ import annotations

import sys

import pytest

from dcx.backends import FakeBackend
from dcx.commands import run_request
from dcx.config import load_settings
from dcx.errors import InputError
from dcx.progress import Silent
from dcx.verify import parse_command, run_check, trim_output
from dcx.workspace import Workspace
from tests.conftest import call, code_reply, git

MEAN_TEST = "python -m pytest -q -p no:cacheprovider tests"
WRONG = 'def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    return sum(values) / 2'
RIGHT = 'def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    if not values:\n' \
        '        raise ValueError("mean of an empty list")\n    return sum(values) / len(values)'
PLAN = [call("generate_code", path="stats/core.py", target="mean", instructions="fix"),
        call("finish", answer="ok")]


def fix_mean(repo, router_replies, code_replies, **settings):
    router, coder = FakeBackend(router_replies), FakeBackend(code_replies)
    outcome = run_request(Workspace(repo), load_settings(repo, {"plan_first_call": False, **settings}),
                          "mean is wrong", (), "fix", False, Silent(),
                          {"router": router, "code": coder}, test_command=MEAN_TEST)
    return outcome, router, coder


def test_failing_tests_go_back_and_the_second_attempt_passes(fixture_repo) -> None:
    repo = fixture_repo("mean")
    outcome, router, coder = fix_mean(repo, PLAN * 2, [code_reply(WRONG), code_reply(RIGHT)])
    assert [c.passed for c in outcome.checks] == [False, True] and outcome.tests_passed
    assert "+    return sum(values) / len(values)" in outcome.result.diff
    second_router_prompt = router.history[2]["messages"][1]["content"]
    assert "A previous attempt made this change" in second_router_prompt
    assert "sum(values) / 2" in second_router_prompt and "test_mean" in second_router_prompt
    second_code_prompt = coder.history[1]["messages"][1]["content"]
    # it starts again from the original file and is told what failed
    assert "A previous attempt made this change, and the tests still failed" in second_code_prompt
    assert "-    return sum(values) / (len(values) - 1)\n+    return sum(values) / 2" in second_code_prompt
    assert "```python\n" + (repo / "stats" / "core.py").read_text().rstrip() in second_code_prompt
    assert coder.history[0]["temperature"] == 0.0 and coder.history[1]["temperature"] > 0
    # the scratch copy was used: the working tree is untouched
    assert git(repo, "status", "--porcelain") == ""


def test_without_restart_the_next_attempt_builds_on_the_failed_change(fixture_repo) -> None:
    repo = fixture_repo("mean")
    outcome, _, coder = fix_mean(repo, PLAN * 2, [code_reply(WRONG), code_reply(RIGHT)],
                                 feedback_restart=False)
    assert outcome.tests_passed
    second_code_prompt = coder.history[1]["messages"][1]["content"]
    assert "The tests still fail with" in second_code_prompt
    assert "return sum(values) / 2" in second_code_prompt  # it continues from its own edit
    assert "-    return sum(values) / (len(values) - 1)\n+    return sum(values) / len(values)" in outcome.result.diff


def test_the_third_attempt_is_told_of_both_failed_ones(fixture_repo) -> None:
    repo = fixture_repo("mean")
    other = WRONG.replace("/ 2", "/ 3")
    outcome, _, coder = fix_mean(repo, PLAN * 3, [code_reply(WRONG), code_reply(other), code_reply(RIGHT)])
    assert [c.passed for c in outcome.checks] == [False, False, True]
    third = coder.history[2]["messages"][1]["content"]
    assert "Previous attempts made these changes, and the tests still failed:\nAttempt 1:\n" in third
    assert third.index("+    return sum(values) / 2") < third.index("Attempt 2:\n") \
        < third.index("+    return sum(values) / 3")
    assert "Test output of the last one:" in third and "Do not repeat any of them" in third


def test_the_third_round_writes_the_function_anew_with_its_body_hidden(fixture_repo) -> None:
    repo = fixture_repo("mean")
    wrong = [code_reply(WRONG.replace("/ 2", f"/ {n}")) for n in (2, 3, 4)]
    outcome, _, coder = fix_mean(repo, PLAN * 4, wrong + [code_reply(RIGHT)])
    assert [c.passed for c in outcome.checks] == [False, False, False, True]
    fourth = coder.history[3]["messages"][1]["content"]
    assert 'def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    ...\n\n\n' \
           "def median(values):" in fourth  # mean's body is hidden, the rest of the file shown
    assert "(len(values) - 1)" not in fourth and "/ 4" not in fourth  # no buggy code, no attempts
    assert "Write mean anew" in fourth and "sum(values) / 4" not in fourth
    assert "test_mean" in fourth  # the last attempt's test output
    assert coder.history[3]["temperature"] == 0.0  # a new kind of prompt: greedy first
    # the reply replaces the real body, not the placeholder
    assert "-    return sum(values) / (len(values) - 1)\n+    return sum(values) / len(values)" \
        in outcome.result.diff
    assert git(repo, "status", "--porcelain") == ""


def test_when_every_attempt_fails_the_last_fix_is_shown_not_the_rewrite(fixture_repo) -> None:
    repo = fixture_repo("mean")
    wrong = [code_reply(WRONG.replace("/ 2", f"/ {n}")) for n in (2, 3, 4)]
    rewrite = 'def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    return 0'
    outcome, _, coder = fix_mean(repo, PLAN * 4, wrong + [code_reply(rewrite)])
    assert len(outcome.checks) == 4 and not outcome.tests_passed
    assert "Write mean anew" in coder.history[3]["messages"][1]["content"]
    assert "+    return sum(values) / 4" in outcome.result.diff and "return 0" not in outcome.result.diff


def test_no_round_writes_anew_when_rewrite_from_round_is_0(fixture_repo) -> None:
    repo = fixture_repo("mean")
    wrong = [code_reply(WRONG.replace("/ 2", f"/ {n}")) for n in (2, 3, 4)]
    outcome, _, coder = fix_mean(repo, PLAN * 4, wrong + [code_reply(RIGHT)], rewrite_from_round=0)
    assert outcome.tests_passed
    fourth = coder.history[3]["messages"][1]["content"]
    assert "(len(values) - 1)" in fourth and "anew" not in fourth


def test_when_every_attempt_fails_without_a_rewrite_the_last_one_is_shown(fixture_repo) -> None:
    repo = fixture_repo("mean")
    wrong = [code_reply(WRONG.replace("/ 2", f"/ {n}")) for n in (2, 3, 4, 5)]
    outcome, _, _ = fix_mean(repo, PLAN * 4, wrong, rewrite_from_round=0)
    assert len(outcome.checks) == 4 and not outcome.tests_passed
    assert "+    return sum(values) / 5" in outcome.result.diff


def test_rounds_are_bounded(fixture_repo) -> None:
    repo = fixture_repo("mean")
    outcome, router, coder = fix_mean(repo, PLAN * 5, [code_reply(WRONG)] * 5, test_rounds=1)
    assert [c.passed for c in outcome.checks] == [False, False]
    # one code call per round: round 2 starts from the original again, the same wrong code is a
    # change again, the tests fail again, and the loop ends
    assert len(coder.history) == 2 and not outcome.tests_passed


def test_trim_output_keeps_the_errors() -> None:
    output = "\n".join(["noise"] * 500 + ["E   assert 3 == 2", "FAILED tests/t.py::test_x"] + ["x"] * 5)
    trimmed = trim_output(output, limit=400)
    assert "E   assert 3 == 2" in trimmed and "FAILED tests/t.py::test_x" in trimmed
    assert len(trimmed) <= 400


TAP_FAILURE = """TAP version 13
# Subtest: two names
ok 1 - two names
  ---
  duration_ms: 0.96
  ...
# Subtest: extra spaces are ignored
not ok 2 - extra spaces are ignored
  ---
  duration_ms: 0.21
  location: 'test/initials.test.js:10:1'
  failureType: 'testCodeFailure'
  error: "Cannot read properties of undefined (reading 'toUpperCase')"
  code: 'ERR_TEST_FAILURE'
  name: 'TypeError'
  stack: |-
""" + "    frame\n" * 12 + "# pass 2\n# fail 1\n"


def test_trim_output_keeps_node_test_failures() -> None:
    trimmed = trim_output(TAP_FAILURE)
    assert "not ok 2 - extra spaces are ignored" in trimmed
    assert "error: \"Cannot read properties of undefined (reading 'toUpperCase')\"" in trimmed
    assert "ok 1 - two names" not in trimmed


def test_scratch_paths_are_left_out_of_the_output(tmp_path) -> None:
    result = run_check(parse_command("python -c 'import os; print(os.getcwd() + \"/x.py\")'"), tmp_path, 30)
    assert result.output.strip() == "x.py"


def test_commands_run_without_a_shell_and_time_out(tmp_path) -> None:
    argv = parse_command("python -c 'import sys; print(\"$HOME;\"); sys.exit(3)'")
    assert argv[0] == sys.executable
    result = run_check(argv, tmp_path, 30)
    assert not result.passed and "$HOME;" in result.output  # no shell expanded it
    slow = run_check(parse_command("python -c 'while True: pass'"), tmp_path, 1)
    assert slow.timed_out and "timed out" in slow.output


def test_bad_commands_are_user_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="empty"):
        parse_command("  ")
    with pytest.raises(InputError, match="cannot parse"):
        parse_command("python -c 'unclosed")
    with pytest.raises(InputError, match="cannot run"):
        run_check(("/no/such/program",), tmp_path, 5)


def test_the_scratch_copy_has_the_files_models_never_see(make_repo) -> None:
    """A project's tests may need .env or key fixtures: the scratch copy keeps them (the models
    still never see them), and git's hook variables do not point a check back at the repository."""
    import os
    import sys

    from dcx.verify import check_in_scratch
    from dcx.workspace import Workspace

    repo = make_repo({".env": "A=1\n", "t.py": "import os, pathlib, sys\n"
                      "sys.exit(0 if pathlib.Path('.env').read_text() == 'A=1\\n' and "
                      "'GIT_INDEX_FILE' not in os.environ else 1)\n"})
    ws = Workspace(repo)
    assert ".env" not in ws.files
    os.environ["GIT_INDEX_FILE"] = str(repo / ".git" / "index")
    try:
        assert check_in_scratch(ws, (), (sys.executable, "t.py"), 30).passed
    finally:
        del os.environ["GIT_INDEX_FILE"]
