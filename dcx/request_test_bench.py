"""`dcx bench SUITE --request-tests`: how good are the tests dcx writes from a request?

For each task whose tests all pass before any change (when `dcx fix --test` writes a test from
the request), the code model writes the test as `dcx fix` would, and the bench reports whether
it is usable (it runs and fails on the code as it is) and whether it is right: it passes once the
task's reference fix (`reference.diff`) is applied. A usable test that fails on the reference fix
is wrong: it sends the test loop after something the request never asked for.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from dcx import request_test
from dcx.backends import Backend, code_model
from dcx.baseline import run_baseline
from dcx.bench import Task, commit_diff, copy_task_repository
from dcx.context import gather
from dcx.errors import DcxError
from dcx.patch import FileChange
from dcx.settings import Settings
from dcx.usage import Usage
from dcx.verify import parse_command
from dcx.workspace import Workspace


@dataclass(frozen=True)
class WrittenTest:
    task: str
    kind: str
    outcome: str  # "usable", "passes now" (tells nothing), "none" (no usable file), "tests fail now"
    tests: int  # test functions in a usable file
    right: bool | None  # a usable test passes with the reference fix (None: not usable)
    seconds: float
    text: str = ""  # the usable file


def run_task(task: Task, settings: Settings, coder: Backend) -> WrittenTest:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dcx-request-test-") as scratch:
        repo = Path(scratch) / "repo"
        copy_task_repository(task, repo)
        workspace = Workspace(repo)
        argv = parse_command(task.test_command)
        if not run_baseline(workspace, argv, task.timeout_s).check.passed:
            return WrittenTest(task.name, task.kind, "tests fail now", 0, None, time.monotonic() - started)
        context = gather(workspace, task.instruction, [], settings.context_budget)
        named = tuple(f.path for f in context.ranked if f.named)
        written = request_test.write(coder, Usage(), context, task.instruction, named)
        if written is None:
            return WrittenTest(task.name, task.kind, "none", 0, None, time.monotonic() - started)
        outcome = request_test.reproduce(workspace, argv, task.timeout_s, *written)
        if outcome.test is None:
            return WrittenTest(task.name, task.kind, "passes now" if "passes on" in outcome.why else "none",
                               0, None, time.monotonic() - started)
        right = _passes_with_reference(task, repo, argv, outcome.test.change)
        return WrittenTest(task.name, task.kind, "usable", outcome.test.tests, right,
                           time.monotonic() - started, outcome.test.change.new)


def _passes_with_reference(task: Task, repo: Path, argv: tuple[str, ...], test: FileChange) -> bool:
    """The written test, run alone on the repository with the task's reference fix committed."""
    reference = (task.task_dir / "reference.diff").resolve()
    if not reference.is_file():
        raise DcxError(f"{task.name} has no reference.diff; --request-tests grades a written test "
                       "against the task's reference fix")
    commit_diff(repo, reference)
    run = run_baseline(Workspace(repo), (*argv, test.path), task.timeout_s, (test,))
    return run.check.passed


def run_suite(tasks: list[Task], settings: Settings, backends: Mapping[str, Backend],
              done: Callable[[int, WrittenTest], None]) -> list[WrittenTest]:
    coder = code_model(backends, settings)
    results = []
    for index, task in enumerate(tasks, 1):
        results.append(run_task(task, settings, coder))
        done(index, results[-1])
    return results


def summary_table(results: list[WrittenTest]) -> str:
    """Per kind of task: tasks where a test is written (all passing before), usable ones, right
    ones."""
    kinds = sorted({r.kind or "-" for r in results})
    rows = [f"{'':18}{'tried':>7}{'usable':>8}{'right':>7}{'wrong':>7}"]
    for kind in ["all", *kinds]:
        these = [r for r in results if kind == "all" or (r.kind or "-") == kind]
        tried = [r for r in these if r.outcome != "tests fail now"]
        usable = [r for r in tried if r.outcome == "usable"]
        right = sum(bool(r.right) for r in usable)
        rows.append(f"{kind:18}{len(tried):>7}{len(usable):>8}{right:>7}{len(usable) - right:>7}")
    seconds = sorted(r.seconds for r in results if r.outcome != "tests fail now")
    median = seconds[len(seconds) // 2] if seconds else 0.0
    return "\n".join(rows) + f"\nmedian {median:.1f} s per task tried (writing the test and running it twice)"


def report_json(results: list[WrittenTest]) -> list[dict]:
    return [r.__dict__ for r in results]
