"""`dcx bench` over real task folders, with scripted models."""

from __future__ import annotations

import json
import shutil

import pytest

from dcx.bench import discover, run_suite
from dcx.config import load_settings
from tests.conftest import FIXTURES, MEAN_FIX, call, code_reply
from tests.fakes import FakeBackend


def suite_with(tmp_path, *names):
    suite = tmp_path / "suite"
    for name in names:
        shutil.copytree(FIXTURES / name, suite / name,
                        ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    return suite


def test_a_correct_patch_passes_and_a_wrong_one_fails(tmp_path) -> None:
    suite = suite_with(tmp_path, "mean", "parse_date")
    tasks = discover(suite)
    assert [t.name for t in tasks] == ["mean", "parse_date"]
    router = FakeBackend([
        call("generate_code", path="stats/core.py", target="mean", instructions="len"),
        call("finish", answer="ok"),
        call("generate_code", path="timeparse/parse.py", target="format_date", instructions="x"),
        call("finish", answer="ok"),
    ])
    coder = FakeBackend([
        code_reply(MEAN_FIX),
        code_reply('def format_date(moment):\n    return moment.isoformat(timespec="minutes")'),
    ])
    seen = []
    results, summary = run_suite(tasks, load_settings(None, {"plan_first_call": False}), {"router": router, "code": coder},
                                 lambda i, r: seen.append(i))
    assert seen == [1, 2]
    mean, parse = results
    assert mean.passed and mean.patch and mean.outcome == "passed" and mean.files == ("stats/core.py",)
    assert not parse.passed and parse.patch and parse.outcome == "failed"
    assert "test_zulu" in parse.test_output
    assert summary["tasks"] == 2 and summary["passed"] == 1 and summary["pass_rate"] == 0.5
    assert (FIXTURES / "mean" / "repo" / "stats" / "core.py").read_text().count("len(values) - 1") == 1


def test_edits_to_test_files_are_put_back(tmp_path) -> None:
    suite = suite_with(tmp_path, "mean")
    router = FakeBackend([
        call("generate_code", path="tests/test_core.py", target="test_mean", instructions="cheat"),
        call("finish", answer="ok"),
    ])
    coder = FakeBackend([code_reply("def test_mean():\n    assert True")])
    results, _ = run_suite(discover(suite), load_settings(None, {"plan_first_call": False}), {"router": router, "code": coder})
    assert results[0].patch and not results[0].passed


def test_no_change_and_errors_are_recorded_not_raised(tmp_path) -> None:
    suite = suite_with(tmp_path, "mean")
    router = FakeBackend([call("generate_code", path="stats/core.py", target="mean", instructions="x")])
    coder = FakeBackend([])  # the code model has nothing to say: a backend error
    results, summary = run_suite(discover(suite), load_settings(None, {"plan_first_call": False}), {"router": router, "code": coder})
    assert results[0].outcome.startswith("error:") and summary["errors"] == 1


def test_repo_subfolder_layout_and_only(tmp_path) -> None:
    suite = tmp_path / "suite"
    for name in ("a", "b"):
        (suite / name / "repo").mkdir(parents=True)
        (suite / name / "repo" / "x.py").write_text("X = 1\n")
        (suite / name / "task.json").write_text(json.dumps(
            {"instruction": "i", "test_command": "python -c pass", "timeout_s": 5}))
    tasks = discover(suite, only=("b",))
    assert [t.name for t in tasks] == ["b"] and tasks[0].folder == suite / "b" / "repo"


def fix_mean_suite(tmp_path):
    """The mean fixture fixed by a scripted router and code model: (results, summary)."""
    suite = suite_with(tmp_path, "mean")
    router = FakeBackend([call("generate_code", path="stats/core.py", target="mean", instructions="x"),
                          call("finish", answer="ok")])
    coder = FakeBackend([code_reply(MEAN_FIX)])
    return run_suite(discover(suite), load_settings(None, {"plan_first_call": False}),
                     {"router": router, "code": coder})


def test_the_summary_table_counts_both_columns_and_tokens(tmp_path) -> None:
    from dcx.bench import summary_table

    _, summary = fix_mean_suite(tmp_path)
    table = summary_table(summary, 2)
    assert "first attempt" in table and "with 2 test rounds" in table
    assert "passed          1/1 (100%)        1/1 (100%)" in table
    assert "tokens, code model:" in table and "tokens, router model:" in table
    # a kind longer than the column keeps a space before its figures
    kinds = {"two_file_feature": {"tasks": 2, "passed_first": 0, "passed": 1},
             "stub": {"tasks": 1, "passed_first": 1, "passed": 1}}
    table = summary_table({**summary, "by_kind": kinds}, 2)
    assert "\n  two_file_feature 0/2    " in table and "\n  stub             1/1    " in table


def test_a_second_attempt_with_the_test_output_counts_in_the_loop_column_only(tmp_path) -> None:
    suite = suite_with(tmp_path, "mean")
    plan = [call("generate_code", path="stats/core.py", target="mean", instructions="len"),
            call("finish", answer="ok")]
    wrong = MEAN_FIX.replace("len(values)", "(len(values) + 1)")
    # the first column is a run of its own, as `dcx fix` with no test command; then the loop's
    coder = FakeBackend([code_reply(wrong), code_reply(wrong), code_reply(MEAN_FIX)])
    results, summary = run_suite(discover(suite), load_settings(None, {"plan_first_call": False}),
                                 {"router": FakeBackend(plan * 3), "code": coder}, rounds=2)
    (result,) = results
    assert result.outcome == "passed on attempt 2" and result.passed and not result.passed_first
    assert result.attempts == 2 and summary["passed_first"] == 0 and summary["passed"] == 1
    assert result.first_seconds > 0 and result.seconds > 0  # the first column's time is kept apart
    assert summary["median_first_seconds"] == round(result.first_seconds, 1)
    # only the loop's run saw the failing tests: a user who gives no test command never has them
    first, looped = (h["messages"][-1]["content"] for h in coder.history[:2])
    assert "test_mean" not in first and "test_mean" in looped


def test_the_first_column_is_the_run_without_tests_even_when_the_loop_passes_at_once(tmp_path) -> None:
    suite = suite_with(tmp_path, "mean")
    plan = [call("generate_code", path="stats/core.py", target="mean", instructions="len"),
            call("finish", answer="ok")]
    wrong = MEAN_FIX.replace("len(values)", "(len(values) + 1)")
    coder = FakeBackend([code_reply(wrong), code_reply(MEAN_FIX)])
    results, summary = run_suite(discover(suite), load_settings(None, {"plan_first_call": False}),
                                 {"router": FakeBackend(plan * 2), "code": coder}, rounds=2)
    (result,) = results
    assert not result.passed_first and result.passed and result.outcome == "passed"
    # both columns' changes are kept, to read why the first failed without running it again
    assert "+    return sum(values) / (len(values) + 1)" in result.first_diff
    assert "+    return sum(values) / len(values)" in result.diff


def hidden_test_suite(tmp_path):
    """One task whose repository's own tests pass as shipped; a hidden test checks the request."""
    task = tmp_path / "suite" / "add_task"
    (task / "repo" / "tests").mkdir(parents=True)
    (task / "repo" / "calc.py").write_text("def add(a, b):\n    return a - b\n\n\ndef one():\n    return 1\n")
    (task / "repo" / "tests" / "test_one.py").write_text(
        "from calc import one\n\n\ndef test_one():\n    assert one() == 1\n")
    (task / "hidden_tests" / "tests").mkdir(parents=True)
    (task / "hidden_tests" / "tests" / "test_add.py").write_text(
        "from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n")
    (task / "task.json").write_text(json.dumps({
        "instruction": "add() subtracts", "kind": "plain_fix", "hidden_tests": "hidden_tests",
        "test_command": "python -m pytest -q", "timeout_s": 60}))
    return task.parent


def test_hidden_tests_grade_the_change_but_never_reach_the_repository(tmp_path) -> None:
    from dcx.bench import summary_table

    suite = hidden_test_suite(tmp_path)
    wrong = code_reply("def add(a, b):\n    return a * b")
    right = code_reply("def add(a, b):\n    return a + b")
    for reply, passed in ((wrong, False), (right, True)):
        coder = FakeBackend([reply])
        results, summary = run_suite(discover(suite), load_settings(None, {}),
                                     {"router": FakeBackend([]), "code": coder})
        (result,) = results
        assert result.passed is passed and result.passed_first is passed
        assert result.kind == "plain_fix" and "test_add" not in result.diff
        assert summary["by_kind"] == {"plain_fix": {"tasks": 1, "passed_first": int(passed),
                                                    "passed": int(passed)}}
        assert f"plain_fix     {int(passed)}/1" in summary_table(summary, 0)
        # the prompt never showed the hidden test
        assert all("test_add" not in m["content"] for h in coder.history for m in h["messages"])


def test_with_test_rounds_the_loop_sees_only_the_repositorys_own_tests(tmp_path) -> None:
    suite = hidden_test_suite(tmp_path)
    # the visible tests pass with the wrong change: the loop stops there, the hidden test fails
    # (no test written from the request here: tests/test_request_test.py covers that)
    coder = FakeBackend([code_reply("def add(a, b):\n    return a * b")] * 2)  # without tests, then with
    results, summary = run_suite(discover(suite), load_settings(None, {"request_tests": False}),
                                 {"router": FakeBackend([]), "code": coder}, rounds=2)
    (result,) = results
    assert result.attempts == 1 and not result.passed and result.outcome == "failed"
    assert "test_add" in result.test_output


def test_a_change_that_breaks_a_test_that_passed_counts_as_a_regression(tmp_path) -> None:
    suite = hidden_test_suite(tmp_path)
    task = suite / "add_task" / "repo"
    (task / "tests" / "test_zero.py").write_text(
        "from calc import add\n\n\ndef test_zero():\n    assert add(2, 0) == 2\n")  # passes as shipped
    breaking = code_reply("def add(a, b):\n    return a * b")
    results, summary = run_suite(discover(suite), load_settings(None, {}),
                                 {"router": FakeBackend([]), "code": FakeBackend([breaking])})
    (result,) = results
    assert result.regressions_first == result.regressions == ("tests.test_zero::test_zero",)
    assert summary["regressions_first"] == 1 and summary["regressions"] == 1
    assert "regressions     1                 1" in summary_table_of(summary)


def test_a_fix_that_breaks_nothing_has_no_regression(tmp_path) -> None:
    suite = hidden_test_suite(tmp_path)
    results, summary = run_suite(discover(suite), load_settings(None, {}),
                                 {"router": FakeBackend([]),
                                  "code": FakeBackend([code_reply("def add(a, b):\n    return a + b")])})
    assert results[0].passed and results[0].regressions_first == () == results[0].regressions
    assert summary["regressions_first"] == 0


def summary_table_of(summary) -> str:
    from dcx.bench import summary_table

    return summary_table(summary, 0)


@pytest.mark.parametrize("exported", [("GIT_DIR",), ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")])
def test_a_bench_run_under_git_bisect_run_leaves_the_users_repository_alone(
        exported, make_repo, tmp_path, monkeypatch) -> None:
    """`git bisect run` exports GIT_DIR, a hook more of git's location variables: the bench's own
    `git init` and `commit` in its copies then made the user's repository bare and committed the
    task into it, and GitPython would have opened the user's tree for the copy."""
    from tests.conftest import assert_untouched, bench_the_mean_fixture, git

    user = make_repo({"a.txt": "mine\n"})
    head = git(user, "rev-parse", "HEAD")
    where = {"GIT_DIR": user / ".git", "GIT_WORK_TREE": user, "GIT_INDEX_FILE": user / ".git" / "index"}
    for name in exported:
        monkeypatch.setenv(name, str(where[name]))
    result, out = bench_the_mean_fixture(tmp_path, monkeypatch)
    for name in exported:
        monkeypatch.delenv(name, raising=False)
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text())["results"][0]["passed"]  # the fix was made in the copy
    assert_untouched(user, head)


def test_every_copy_of_gits_location_variables_is_complete() -> None:
    """The scripts that do not import dcx hold copies of dcx.gitenv.LOCATION (and NO_USER_CONFIG's
    names); and every variable this machine's git says ties it to a repository is in it (a newer
    git may add one)."""
    import subprocess

    from dcx.gitenv import LOCATION
    from tests.conftest import PROJECT_ROOT

    for script in ("benchmarks/repo_tasks/check_tasks.py", "benchmarks/exercism_style/check_tasks.py",
                   "scripts/demo.sh"):
        text = (PROJECT_ROOT / script).read_text()
        assert [n for n in LOCATION if n not in text] == [], script
        assert "GIT_CONFIG_GLOBAL" in text and "GIT_CONFIG_NOSYSTEM" in text, script  # NO_USER_CONFIG
    listed = subprocess.run(["git", "rev-parse", "--local-env-vars"], capture_output=True, text=True,
                            check=True).stdout.split()
    assert set(listed) - set(LOCATION) <= {"GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT"}  # -c settings
