"""`dcx bench`: run every task of a suite through the fix pipeline and its tests, loading the
models once for the whole run.

A suite is a folder of task folders. Each task folder holds ``task.json`` (``instruction``,
``test_command``, ``timeout_s``, optionally ``test_files``) and the repository's files, either
beside ``task.json`` or under ``repo/``.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from dcx.apply import write_changes
from dcx.backends import Backend
from dcx.config import Settings
from dcx.context import is_test_path
from dcx.errors import DcxError
from dcx.handler import LocalCodingHandler, Request
from dcx.progress import Silent
from dcx.workspace import Workspace

OUTPUT_TAIL = 1500


@dataclass(frozen=True)
class Task:
    name: str
    folder: Path  # the repository files
    instruction: str
    test_command: tuple[str, ...]
    timeout_s: int
    test_files: tuple[str, ...]


@dataclass(frozen=True)
class TaskResult:
    name: str
    passed: bool
    patch: bool  # a well-formed, non-empty patch came out
    outcome: str  # "passed", "failed", "no change", "error: ...", "timeout"
    seconds: float
    steps: int
    tokens: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    diff: str = ""
    test_output: str = ""


def load_task(task_dir: Path) -> Task:
    spec = json.loads((task_dir / "task.json").read_text())
    folder = task_dir / "repo" if (task_dir / "repo").is_dir() else task_dir
    return Task(
        name=spec.get("id", task_dir.name),
        folder=folder,
        instruction=spec["instruction"],
        test_command=tuple(shlex.split(spec["test_command"])),
        timeout_s=int(spec.get("timeout_s", 60)),
        test_files=tuple(spec.get("test_files", ())),
    )


def discover(suite: Path, only: tuple[str, ...] = (), limit: int | None = None) -> list[Task]:
    if not suite.is_dir():
        raise DcxError(f"{suite} is not a folder of tasks")
    tasks = [load_task(d) for d in sorted(suite.iterdir()) if (d / "task.json").is_file()]
    if only:
        tasks = [t for t in tasks if t.name in only]
    if not tasks:
        raise DcxError(f"no tasks found in {suite} (a task is a folder with task.json)")
    return tasks[:limit] if limit else tasks


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=dcx bench", "-c", "user.email=bench@dcx.invalid", *args],
                   cwd=cwd, check=True, capture_output=True)


def _copy_repo(task: Task, dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.pyc", "task.json", ".git")
    shutil.copytree(task.folder, dest, ignore=ignore)
    _git(dest, "init", "-q", "--template=")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "task")


def _restore_tests(task: Task, repo_dir: Path, changed: tuple[str, ...]) -> None:
    """Put back every test file the run touched, so a task cannot pass by editing its tests."""
    for path in changed:
        if path in task.test_files or is_test_path(path) or path.endswith("conftest.py"):
            original = task.folder / path
            if original.exists():
                shutil.copy2(original, repo_dir / path)
            else:
                (repo_dir / path).unlink(missing_ok=True)


def run_tests(task: Task, repo_dir: Path) -> tuple[bool, str, bool]:
    """(passed, output tail, timed out); ``python`` in the command is this interpreter."""
    argv = list(task.test_command)
    if argv and argv[0] in ("python", "python3"):
        argv[0] = sys.executable
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        done = subprocess.run(argv, cwd=repo_dir, capture_output=True, text=True,
                              timeout=task.timeout_s, env=env)
    except subprocess.TimeoutExpired:
        return False, f"timed out after {task.timeout_s}s", True
    output = (done.stdout + done.stderr)[-OUTPUT_TAIL:]
    return done.returncode == 0, output, False


def run_task(task: Task, settings: Settings, backends: Mapping[str, Backend]) -> TaskResult:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"dcx-bench-{task.name}-") as scratch:
        repo_dir = Path(scratch) / "repo"
        _copy_repo(task, repo_dir)
        workspace = Workspace(repo_dir)
        handler = LocalCodingHandler(settings, workspace, Silent(), backends)
        handler.tokens.clear()
        try:
            result = handler.handle(Request(task.instruction))
        except DcxError as exc:
            return TaskResult(task.name, False, False, f"error: {exc}", time.monotonic() - started,
                              0, {k: dict(v) for k, v in handler.tokens.items()})
        fix_seconds = time.monotonic() - started
        tokens = {k: dict(v) for k, v in result.tokens.items()}
        if not result.diff:
            return TaskResult(task.name, False, False, "no change", fix_seconds, len(result.steps), tokens)
        write_changes(workspace, result.changes, result.originals)
        _restore_tests(task, repo_dir, result.files)
        passed, output, timed_out = run_tests(task, repo_dir)
        outcome = "passed" if passed else ("timeout" if timed_out else "failed")
        return TaskResult(task.name, passed, True, outcome, fix_seconds, len(result.steps), tokens,
                          result.files, result.diff, output)


def summarize(results: list[TaskResult]) -> dict:
    n = len(results)
    seconds = [r.seconds for r in results]
    passed = sum(r.passed for r in results)
    return {
        "tasks": n,
        "passed": passed,
        "pass_rate": round(passed / n, 3) if n else 0.0,
        "patches": sum(r.patch for r in results),
        "errors": sum(r.outcome.startswith("error") for r in results),
        "median_seconds": round(statistics.median(seconds), 1) if seconds else 0.0,
        "total_seconds": round(sum(seconds), 1),
    }


def run_suite(
    tasks: list[Task],
    settings: Settings,
    backends: Mapping[str, Backend],
    on_result: Callable[[int, TaskResult], None] | None = None,
) -> tuple[list[TaskResult], dict]:
    results = []
    for index, task in enumerate(tasks, start=1):
        result = run_task(task, settings, backends)
        results.append(result)
        if on_result:
            on_result(index, result)
    return results, summarize(results)


def report_json(results: list[TaskResult], summary: dict, settings: Settings,
                models: Mapping[str, Mapping[str, str]]) -> dict:
    return {
        "summary": summary,
        "mode": "dual" if settings.dual_model_mode else "single",
        "models": {k: dict(v) for k, v in models.items()},
        "results": [asdict(r) for r in results],
    }
