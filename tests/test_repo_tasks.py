"""Every task of the repository benchmark is real: benchmarks/repo_tasks/check_tasks.py proves
each fails as shipped and passes with its reference change, with enough passing tests beside
the request's to catch a change that breaks something."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT

TASKS = PROJECT_ROOT / "benchmarks" / "repo_tasks"


def test_every_repository_task_fails_before_and_passes_with_its_reference() -> None:
    done = subprocess.run([sys.executable, str(TASKS / "check_tasks.py"), str(TASKS / "dev"),
                           str(TASKS / "heldout")], capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "35 tasks" in done.stdout and "all checks passed" in done.stdout
