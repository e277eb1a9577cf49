"""Every task of the repository benchmark is real: benchmarks/repo_tasks/check_tasks.py proves
each fails as shipped and passes with its reference change, with enough passing tests beside
the request's to catch a change that breaks something."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT

TASKS = PROJECT_ROOT / "benchmarks" / "repo_tasks"


def test_every_repository_task_fails_before_and_passes_with_its_reference() -> None:
    done = subprocess.run([sys.executable, str(TASKS / "check_tasks.py"), str(TASKS / "dev"),
                           str(TASKS / "heldout"), str(TASKS / "probe"), str(TASKS / "probe2")],
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "49 tasks" in done.stdout and "all checks passed" in done.stdout


def test_the_localization_benchmark_finds_what_the_reference_changes(tmp_path) -> None:
    # a made-up task: the request names the report, the cause is the comparison in the model
    task = tmp_path / "suite" / "ledger_zero"
    (task / "repo" / "ledger").mkdir(parents=True)
    (task / "repo" / "ledger" / "__init__.py").write_text("")
    (task / "repo" / "ledger" / "model.py").write_text(
        "def owing(balance):\n    return balance > 0\n\n\ndef name(c):\n    return c.title()\n")
    (task / "repo" / "ledger" / "report.py").write_text(
        "from ledger.model import owing\n\n\ndef monthly_report(balances):\n"
        "    return [b for b in balances if owing(b)]\n")
    (task / "task.json").write_text(json.dumps({
        "id": "ledger_zero", "kind": "cause_elsewhere", "test_command": "python -m pytest -q",
        "timeout_s": 60, "instruction": "monthly_report leaves out balances of exactly zero"}))
    (task / "reference.diff").write_text(
        "--- a/ledger/model.py\n+++ b/ledger/model.py\n@@ -1,2 +1,2 @@\n def owing(balance):\n"
        "-    return balance > 0\n+    return balance >= 0\n")
    done = subprocess.run([sys.executable, str(TASKS / "localization.py"), str(tmp_path / "suite"),
                           "--json", str(tmp_path / "out.json")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    [row] = json.loads((tmp_path / "out.json").read_text())
    assert row["reference"] == ["ledger/model.py:owing"]
    assert row["best_rank"] == 2  # after monthly_report, which the request names and which calls it
    assert row["planned"].startswith("ledger/report.py") and not row["plan_file"] and not row["plan_holds"]


@pytest.mark.parametrize("exported", [("GIT_DIR",), ("GIT_DIR", "GIT_WORK_TREE")])
def test_the_task_checkers_leave_the_repository_they_run_in_alone(exported, make_repo, tmp_path) -> None:
    """Run from a hook or `git bisect run`, git exports GIT_DIR: each checker's `git init` and
    `commit` in its scratch copy then made that repository bare and committed a task into it."""
    import os
    import shutil

    from tests.conftest import assert_untouched, git

    user = make_repo({"a.txt": "mine\n"})
    head = git(user, "rev-parse", "HEAD")
    suite = tmp_path / "suite"
    shutil.copytree(TASKS / "dev" / "budget_december_range", suite / "budget_december_range")
    where = {"GIT_DIR": user / ".git", "GIT_WORK_TREE": user}
    env = {**os.environ, **{name: str(where[name]) for name in exported}}
    for argv in ([str(TASKS / "check_tasks.py"), str(suite)],
                 [str(PROJECT_ROOT / "benchmarks" / "exercism_style" / "check_tasks.py"), "luhn"]):
        done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, timeout=300,
                              env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        assert_untouched(user, head)
