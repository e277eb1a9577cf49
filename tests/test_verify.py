"""The verify loop: test command on a scratch copy, failures fed back, bounded rounds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dcx import baseline
from dcx.baseline import lost, run_baseline, run_tests
from dcx.config import load_settings
from dcx.errors import InputError
from dcx.progress import Silent
from dcx.run import run_request
from dcx.verify import CheckResult, parse_command, run_check, trim_output
from dcx.workspace import Workspace
from tests.conftest import PROJECT_ROOT, call, code_reply, git
from tests.fakes import FakeBackend

MEAN_TEST = "python -m pytest -q -p no:cacheprovider tests"
WRONG = 'def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    if not values:\n' \
        '        raise ValueError("mean of an empty list")\n    return sum(values) / 2'
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
    # each wrong mean passes a test the code as it is fails, so it would be built on
    # (tests/test_build_on_progress.py); here every round starts again
    outcome, _, coder = fix_mean(repo, PLAN * 4, wrong + [code_reply(RIGHT)], build_on_progress=False)
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
    outcome, _, coder = fix_mean(repo, PLAN * 4, wrong + [code_reply(rewrite)], build_on_progress=False)
    assert len(outcome.checks) == 4 and not outcome.tests_passed
    assert "Write mean anew" in coder.history[3]["messages"][1]["content"]
    assert "+    return sum(values) / 4" in outcome.result.diff and "return 0" not in outcome.result.diff


def test_no_round_writes_anew_when_rewrite_from_round_is_0(fixture_repo) -> None:
    repo = fixture_repo("mean")
    wrong = [code_reply(WRONG.replace("/ 2", f"/ {n}")) for n in (2, 3, 4)]
    outcome, _, coder = fix_mean(repo, PLAN * 4, wrong + [code_reply(RIGHT)], rewrite_from_round=0,
                                 build_on_progress=False)
    assert outcome.tests_passed
    fourth = coder.history[3]["messages"][1]["content"]
    assert "(len(values) - 1)" in fourth and "anew" not in fourth


def test_when_every_attempt_fails_the_one_leaving_fewest_tests_failing_is_shown(fixture_repo) -> None:
    repo = fixture_repo("mean")
    wrong = [code_reply(WRONG.replace("/ 2", f"/ {n}")) for n in (2, 3, 4, 5)]
    outcome, _, _ = fix_mean(repo, PLAN * 4, wrong, rewrite_from_round=0)
    assert len(outcome.checks) == 4 and not outcome.tests_passed
    # "/ 4" gets mean([1, 2, 3, 4]) right: only test_mean_single still fails with it
    assert "+    return sum(values) / 4" in outcome.result.diff
    assert outcome.still_failing == ("tests.test_core::test_mean_single",)
    assert outcome.exit_code == 1


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



def test_a_scratch_copy_of_a_pending_change_has_it_laid_over_the_tree(make_repo) -> None:
    """A refinement in `dcx chat` is checked on top of the change it refines, which is not
    written: the scratch copy lays that change over the tree, then the refinement's."""
    import sys

    from dcx.overlay import PendingWorkspace
    from dcx.patch import FileChange
    from dcx.verify import check_in_scratch

    repo = make_repo({"a.txt": "tree\n", "b.txt": "tree\n",
                      "t.py": "import pathlib, sys\nseen = [pathlib.Path(n).read_text() for n in "
                              "('a.txt', 'b.txt', 'c.txt')]\nsys.exit(0 if seen == ['pending\\n', "
                              "'refined\\n', 'new\\n'] else 1)\n"})
    pending = PendingWorkspace(Workspace(repo), (FileChange("a.txt", "tree\n", "pending\n"),
                                                 FileChange("b.txt", "tree\n", "pending\n"),
                                                 FileChange("c.txt", None, "new\n")))
    refinement = (FileChange("b.txt", "pending\n", "refined\n"),)
    assert check_in_scratch(pending, refinement, (sys.executable, "t.py"), 30).passed
    assert not check_in_scratch(Workspace(repo), refinement, (sys.executable, "t.py"), 30).passed
    assert (repo / "a.txt").read_text() == "tree\n" and not (repo / "c.txt").exists()

# -- checks in their own process group, any bytes of output (issue #17) --------------------------

def running(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie waiting for its parent does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def gone(pid: int, within_s: float = 5.0) -> bool:
    deadline = time.monotonic() + within_s
    while running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def pid_in(path: Path, within_s: float = 10.0) -> int:
    deadline = time.monotonic() + within_s
    while not path.exists() or not path.read_text().strip():
        assert time.monotonic() < deadline, f"{path} was never written"
        time.sleep(0.02)
    return int(path.read_text())


@pytest.fixture
def stray(tmp_path):
    """Pids of processes a test's check started; whatever a failed test leaves is killed."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if running(pid):
            os.kill(pid, signal.SIGKILL)


def test_a_check_that_times_out_is_killed_with_its_children(tmp_path, stray) -> None:
    started = time.monotonic()
    result = run_check(("sh", "-c", "sleep 317 & echo $! > child.pid; wait; true"), tmp_path, 1)
    stray.append(pid_in(tmp_path / "child.pid"))
    assert result.timed_out and not result.passed and time.monotonic() - started < 10
    assert gone(stray[0]), "the check's child still runs"


def test_a_check_that_exits_is_judged_by_its_exit_code_though_a_child_holds_its_output(
        tmp_path, stray) -> None:
    for code, passed in ((0, True), (3, False)):
        started = time.monotonic()
        result = run_check(("sh", "-c", f"sleep 317 & echo $! > child.pid; echo checked; exit {code}"),
                           tmp_path, 30)
        stray.append(pid_in(tmp_path / "child.pid"))
        assert (result.passed, result.timed_out) == (passed, False)
        assert result.output == "checked"
        assert time.monotonic() - started < 10  # not the 30 s timeout
        assert gone(stray[-1]), "a child the check left running outlives it"


def test_a_check_that_exits_at_once_leaves_no_background_child_running(tmp_path, stray) -> None:
    # found after #17: `sh -c 'sleep 3172 & exit 0'` passed and left its sleep running (its
    # output was not held open, so nothing waited for it)
    result = run_check(("sh", "-c", "sleep 317 >/dev/null 2>&1 & echo $! > child.pid; exit 0"),
                       tmp_path, 30)
    stray.append(pid_in(tmp_path / "child.pid"))
    assert result.passed and not result.timed_out
    assert gone(stray[0]), "the check's background child still runs"


def test_ctrl_c_during_a_check_kills_it_with_its_children(tmp_path, stray) -> None:
    pid_file = tmp_path / "child.pid"

    def interrupt() -> None:
        stray.append(pid_in(pid_file))
        os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C sends dcx (the check has its own session)

    # a shell starts background jobs with SIGINT ignored (`make test &`): Ctrl-C is what is tested
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Thread(target=interrupt)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            run_check(("sh", "-c", "sleep 317 & echo $! > child.pid; wait"), tmp_path, 60)
    finally:
        timer.join()
        signal.signal(signal.SIGINT, handler)
    assert gone(stray[0]), "the check's child still runs after Ctrl-C"


def test_output_that_is_not_utf8_is_read_with_replacement(tmp_path) -> None:
    passed = run_check(("sh", "-c", r"printf 'caf\351 \377\r\n'; exit 0"), tmp_path, 30)
    assert passed.passed and passed.output == "caf\ufffd \ufffd"
    failed = run_check(("sh", "-c", r"printf 'E   bad \377\n' >&2; exit 1"), tmp_path, 30)
    assert not failed.passed and "E   bad \ufffd" in failed.output


def test_a_fix_whose_check_prints_bytes_that_are_not_utf8_still_runs(fixture_repo) -> None:
    repo = fixture_repo("mean")
    router, coder = FakeBackend(PLAN), FakeBackend([code_reply(RIGHT)])
    outcome = run_request(Workspace(repo), load_settings(repo, {"plan_first_call": False, "test_rounds": 0}),
                          "mean is wrong", (), "fix", False, Silent(),
                          {"router": router, "code": coder},
                          test_command="sh -c \"printf 'r\\351sultat\\n'; exit 0\"")
    assert outcome.tests_passed and outcome.checks[0].output == "r\ufffdsultat"


def test_the_scratch_copy_has_the_files_of_submodules(make_repo) -> None:
    from dcx.verify import check_in_scratch

    library = make_repo({"calc.py": "def add(a, b):\n    return a + b\n"})
    repo = make_repo({"t.py": "from lib.calc import add\nassert add(2, 2) == 4\n"})
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(library), "lib")
    git(repo, "commit", "-q", "-m", "add lib")
    assert check_in_scratch(Workspace(repo), (), (sys.executable, "t.py"), 30).passed


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_dcx_stopped_by_a_signal_kills_the_check_with_its_children(tmp_path, stray, stop) -> None:
    """SIGTERM (a cancelled CI job) or SIGHUP (a closed terminal) sent to dcx, which the check,
    in a session of its own, does not get: dcx stops as on Ctrl-C and kills the check."""
    script = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
              "from dcx.verify import run_check; "
              "run_check(('sh', '-c', 'sleep 317 & echo $! > child.pid; wait'), Path('.'), 60)")
    dcx = subprocess.Popen([sys.executable, "-c", script, str(PROJECT_ROOT)], cwd=tmp_path,
                           stderr=subprocess.PIPE)
    stray.append(pid_in(tmp_path / "child.pid"))
    dcx.send_signal(stop)
    _, stderr = dcx.communicate(timeout=30)
    assert dcx.returncode != 0 and b"KeyboardInterrupt" in stderr
    assert gone(stray[0]), "the check's child still runs after dcx was stopped"


@pytest.mark.parametrize("apply_failing", [False, True])
def test_apply_writes_a_change_whose_tests_still_fail_only_with_apply_failing(fixture_repo,
                                                                               apply_failing) -> None:
    repo = fixture_repo("mean")
    outcome = run_request(Workspace(repo), load_settings(repo, {"plan_first_call": False, "test_rounds": 0}),
                          "mean is wrong", (), "fix", True, Silent(),
                          {"router": FakeBackend(PLAN), "code": FakeBackend([code_reply(WRONG)])},
                          test_command=MEAN_TEST, apply_failing=apply_failing)
    assert outcome.tests_passed is False and outcome.exit_code == 1
    assert "+    return sum(values) / 2" in outcome.result.diff  # shown either way
    assert outcome.kept_back is not apply_failing and outcome.wrote is apply_failing
    written = "sum(values) / 2" in (repo / "stats" / "core.py").read_text()
    assert written is apply_failing


def test_a_change_that_breaks_a_passing_test_is_neither_shown_nor_written(fixture_repo) -> None:
    repo = fixture_repo("mean")
    drops_check = 'def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    return sum(values) / len(values)'
    outcome = run_request(Workspace(repo), load_settings(repo, {"plan_first_call": False, "test_rounds": 0}),
                          "mean is wrong", (), "fix", True, Silent(),
                          {"router": FakeBackend(PLAN), "code": FakeBackend([code_reply(drops_check)])},
                          test_command=MEAN_TEST, apply_failing=True)
    assert outcome.withheld == ("every change dcx found breaks tests that passed before "
                                "(tests.test_core::test_mean_empty)")
    assert outcome.result.diff == "" and not outcome.wrote and outcome.exit_code == 1
    assert git(repo, "status", "--porcelain") == ""


def test_a_test_command_that_collects_no_test_neither_fails_every_attempt_nor_keeps_the_change_back(
        make_repo) -> None:
    # An exercise ships its stub without the tests that grade it: pytest exits 5, "no tests ran".
    # That is not a failing run: the first change stands, is applied, and is said to be untested.
    repo = make_repo({"leap.py": "def leap(year):\n    pass\n"})
    right = "def leap(year):\n    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)"
    plan = [call("generate_code", path="leap.py", target="leap", instructions="implement"),
            call("finish", answer="ok")]
    coder = FakeBackend([code_reply(right)])
    outcome = run_request(Workspace(repo), load_settings(repo, {"plan_first_call": False, "request_tests": False}),
                          "implement leap(year)", (), "fix", True, Silent(),
                          {"router": FakeBackend(plan), "code": coder}, test_command="python -m pytest -q")
    assert len(outcome.checks) == 1 and outcome.checks[0].passed and outcome.checks[0].empty
    assert outcome.tests_passed is None and not outcome.kept_back and outcome.exit_code == 0
    assert outcome.wrote and "year % 400" in (repo / "leap.py").read_text()
    assert len(coder.history) == 1  # no test round: nothing failed


def test_a_test_command_that_fails_is_not_taken_for_one_that_collected_nothing(make_repo) -> None:
    repo = make_repo({"leap.py": "def leap(year):\n    pass\n",
                      "tests/test_leap.py": "from leap import leap\n\n\ndef test_leap():\n    assert leap(2000)\n"})
    run = run_tests(Workspace(repo), (), (sys.executable, "-m", "pytest", "-q"), 60)
    assert not run.check.passed and not run.check.empty and run.failing == ("tests.test_leap::test_leap",)
    (repo / "tests/test_leap.py").unlink()
    run = run_tests(Workspace(repo), (), (sys.executable, "-m", "pytest", "-q"), 60)
    assert run.check.passed and run.check.empty and run.check.code == 5 and not run.failing
    before = run_baseline(Workspace(repo), (sys.executable, "-m", "pytest", "-q"), 60)  # under coverage
    assert before.check.passed and before.check.empty and not before.failing
    # a change after which pytest collects nothing has lost every test that passed before it
    passed = baseline.TestRun(CheckResult(True, "1 passed"), passing=frozenset({"tests.test_leap::test_leap"}))
    assert lost(passed, run) == ("tests.test_leap::test_leap",) and lost(run, run) == ()
    run = run_tests(Workspace(repo), (), (sys.executable, "-c", "raise SystemExit(5)"), 60)
    assert not run.check.passed and not run.check.empty  # exit status 5 means "no tests" to pytest only
