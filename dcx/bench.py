"""`dcx bench`: run every task of a suite through the fix pipeline and its tests, loading the
models once for the whole run.

A suite is a folder of task folders. Each task folder holds ``task.json`` (``instruction``,
``test_command``, ``timeout_s``; optionally ``kind``, reported per kind, ``test_files``, and
``hidden_tests``, a folder of test files the repository does not have) and the repository's
files, either beside ``task.json`` or under ``repo/``.

A task is graded as a user's change would be: test files the run changed are put back, the
hidden tests are added, and the task's test command must pass. With test rounds, each attempt is
checked by the test command on the repository as the user has it (hidden tests never reach dcx).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from dcx.backends import Backend
from dcx.backends.recording import RecordingBackend
from dcx.baseline import TestRun, lost, run_tests
from dcx.context import is_test_path
from dcx.errors import DcxError
from dcx.gitenv import in_a_copy
from dcx.patch import FileChange
from dcx.progress import Silent
from dcx.request import Request, Result
from dcx.settings import Settings
from dcx.solve import Attempt, TestCommand, solve
from dcx.usage import Usage
from dcx.verify import CheckResult, parse_command
from dcx.workspace import Workspace


@dataclass(frozen=True)
class Task:
    name: str
    task_dir: Path
    folder: Path  # the repository files
    instruction: str
    test_command: str
    timeout_s: int
    test_files: tuple[str, ...]
    kind: str = ""
    hidden_tests: Path | None = None  # a folder of test files added for grading only


@dataclass(frozen=True)
class TaskResult:
    name: str
    passed_first: bool  # `dcx fix` with no test command: its change passed the tests
    passed: bool  # `dcx fix --test`: its chosen change passed (equals passed_first without rounds)
    patch: bool  # a well-formed, non-empty patch came out
    outcome: str  # "passed", "passed on attempt N", "failed", "no change", "timeout", "error: ..."
    seconds: float  # of the test loop's run (with no rounds: of the one run)
    attempts: int
    steps: int
    tokens: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    diff: str = ""
    test_output: str = ""
    first_seconds: float = 0.0  # of the run with no test command, graded
    perf: Mapping[str, Any] = field(default_factory=dict)  # see dcx.usage.Usage.perf, + verify
    kind: str = ""
    note: str = ""  # why no change was offered, or dcx's summary of the change
    steps_taken: tuple[str, ...] = ()  # each step of each attempt, briefly, for reading a failure
    # Tests (shipped and hidden) that passed before and fail with the change a user would get:
    # the first attempt's (plain `dcx fix`), and the chosen one unless dcx withheld it.
    regressions_first: tuple[str, ...] = ()
    regressions: tuple[str, ...] = ()
    request_test: str = ""  # what came of a test written from the request ("": none was tried)
    request_test_used: bool = False  # it failed on the unchanged code and checked each attempt
    failing: tuple[int, ...] = ()  # tests the user's command saw failing, per attempt
    built_on: tuple[int, ...] = ()  # per attempt, the attempt it was built on (0: none)
    first_diff: str = ""  # the first column's change as a user would see it ("" when withheld)


def load_task(task_dir: Path) -> Task:
    spec = json.loads((task_dir / "task.json").read_text())
    folder = task_dir / "repo" if (task_dir / "repo").is_dir() else task_dir
    return Task(
        name=spec.get("id", task_dir.name),
        task_dir=task_dir,
        folder=folder,
        instruction=spec["instruction"],
        test_command=spec["test_command"],
        timeout_s=int(spec.get("timeout_s", 60)),
        test_files=tuple(spec.get("test_files", ())),
        kind=spec.get("kind", ""),
        hidden_tests=task_dir / spec["hidden_tests"] if spec.get("hidden_tests") else None,
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


def git_in_copy(cwd: Path, *args: str) -> None:
    """git in one of the bench's own copies, as a committer of its own (a clean machine has none).
    Run from a hook or `git bisect run`, git's GIT_DIR would point these commands at the user's
    repository: `init` made it bare and `commit` committed a task into it. Nor does it read the
    user's git settings (a signing key, hooks)."""
    subprocess.run(["git", "-c", "user.name=dcx bench", "-c", "user.email=bench@dcx.invalid", *args],
                   cwd=cwd, check=True, capture_output=True, env=in_a_copy(os.environ))


def scratch_repository(folder: Path, dest: Path, *ignored: str) -> None:
    """A scratch git repository at ``dest`` of ``folder``'s files (less ``ignored`` patterns),
    in one commit, as a user's clone is. The only place dcx commits: in its own copies."""
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.pyc", ".git", *ignored)
    shutil.copytree(folder, dest, ignore=ignore)
    git_in_copy(dest, "init", "-q", "--template=")
    git_in_copy(dest, "add", "-A")
    git_in_copy(dest, "commit", "-q", "-m", "scratch copy")


def commit_diff(copy: Path, diff: Path) -> None:
    """``diff`` (a task's reference fix) applied to one of the bench's copies and committed."""
    git_in_copy(copy, "apply", str(diff))
    git_in_copy(copy, "commit", "-qam", "reference fix")


def copy_task_repository(task: Task, dest: Path) -> None:
    scratch_repository(task.folder, dest, "task.json", "reference.diff", "golden.json", "hidden_tests")


def _is_test_file(task: Task, path: str) -> bool:
    return path in task.test_files or is_test_path(path) or path.rsplit("/", 1)[-1] == "conftest.py"


def hidden_test_files(task: Task) -> tuple[FileChange, ...]:
    """The task's hidden tests, as new files laid over the repository for grading."""
    if task.hidden_tests is None:
        return ()
    return tuple(FileChange(p.relative_to(task.hidden_tests).as_posix(), None, p.read_text())
                 for p in sorted(task.hidden_tests.rglob("*")) if p.is_file()
                 and "__pycache__" not in p.parts)


def run_task(task: Task, settings: Settings, backends: Mapping[str, Backend], rounds: int) -> TaskResult:
    """Run the task as `dcx fix` with no test command (the first column); with ``rounds``, run it
    again as `dcx fix --test`: every attempt checked with the task's tests (test files as the
    task has them), retried with the failing output up to ``rounds`` times, and the chosen
    attempt reported as it would be shown. Both are graded with the hidden tests."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"dcx-bench-{task.name}-") as scratch:
        repo_dir = Path(scratch) / "repo"
        copy_task_repository(task, repo_dir)
        workspace = Workspace(repo_dir)
        argv = parse_command(task.test_command)

        usage = Usage()
        hidden = hidden_test_files(task)

        def graded_changes(result: Result) -> tuple[FileChange, ...]:
            return tuple(c for c in result.changes if not _is_test_file(task, c.path))

        runs: dict[int, TestRun] = {}

        def graded_run(attempt: Attempt) -> TestRun:
            """The repository's tests (test files as shipped) plus the hidden tests on the
            attempt's change, per test; run once per attempt."""
            if id(attempt) not in runs:
                with usage.stage("verify"):
                    runs[id(attempt)] = run_tests(
                        workspace, graded_changes(attempt.result) + hidden, argv, task.timeout_s)
            return runs[id(attempt)]

        def grade(attempt: Attempt) -> CheckResult:
            """The task's verdict; an attempt checked without hidden tests keeps its check."""
            if attempt.check is not None and not hidden:
                return attempt.check
            return graded_run(attempt).check

        tests = TestCommand(argv, task.timeout_s, lambda c: not _is_test_file(task, c.path))
        request = Request(task.instruction)
        try:
            # The first column is `dcx fix` with no test command, a run of its own: the first
            # attempt of a test loop has seen the failing tests (and maybe a test written from
            # the request), which a user who gives no test command never has.
            plain = solve(request, workspace, settings, Silent(), backends, usage=usage)
            first = plain.chosen
            first_passed = grade(first).passed and not plain.withheld
            first_seconds = time.monotonic() - started  # with its grading, as with test rounds
            solution = solve(request, workspace, settings, Silent(), backends, None, rounds, None, usage,
                             tests) if rounds else plain
        except DcxError as exc:
            spent = time.monotonic() - started
            return TaskResult(task.name, False, False, False, f"error: {exc}", spent, 0, 0,
                              usage.token_totals(), first_seconds=spent, perf=usage.perf(),
                              kind=task.kind)
        attempts, chosen = solution.attempts, solution.chosen
        verdict = grade(chosen)
        withheld = bool(solution.withheld)  # found, but neither shown nor written
        passed = verdict.passed and not withheld
        outcome = _outcome(passed, attempts.index(chosen) + 1, chosen, withheld, verdict)
        with usage.stage("verify"):
            before = run_tests(workspace, hidden, argv, task.timeout_s)
        regressions_first = () if plain.withheld else _broken(first, before, graded_run)
        regressions = () if withheld else (
            regressions_first if chosen is first else _broken(chosen, before, graded_run))
        seconds = time.monotonic() - started - (first_seconds if rounds else 0.0)  # the loop's own
        return TaskResult(
            task.name, first_passed, passed, bool(chosen.result.diff), outcome,
            seconds, len(attempts), sum(len(a.result.steps) for a in attempts),
            usage.token_totals(), chosen.result.files, chosen.result.diff, verdict.output,
            first_seconds, usage.perf(), task.kind, solution.withheld or chosen.result.answer,
            _steps_taken(attempts), regressions_first, regressions,
            solution.request_test.why if solution.request_test else "",
            bool(solution.request_test and solution.request_test.test),
            tuple(len(a.failing) for a in attempts), tuple(a.built_on for a in attempts),
            "" if plain.withheld else first.result.diff,
        )


def _broken(attempt: Attempt, before: TestRun,
            graded_run: Callable[[Attempt], TestRun]) -> tuple[str, ...]:
    """Tests that passed ``before`` (the hidden tests on the unchanged code) and fail with the
    attempt's change."""
    if not attempt.result.diff:
        return ()
    after = graded_run(attempt)
    if not before.passing:  # not pytest, or nothing passed before: the command as one
        return ("the test command",) if before.check.passed and not after.check.passed else ()
    return lost(before, after)


def _outcome(passed: bool, number: int, chosen: Attempt, withheld: bool, verdict: CheckResult) -> str:
    """The bench's word for how the chosen attempt (the ``number``-th) ended."""
    if passed:
        return "passed" if number == 1 else f"passed on attempt {number}"
    if not chosen.result.diff:
        return "no change"
    if withheld:
        return "withheld"
    return "timeout" if verdict.timed_out else "failed"


def _steps_taken(attempts: Sequence[Attempt]) -> tuple[str, ...]:
    """Each step of each attempt, one line, for reading why a task failed."""
    return tuple(f"{n}: {s.tool} {s.arguments.get('target', '')} {s.arguments.get('path', '')} "
                 f"-> {s.result[:120]}" for n, a in enumerate(attempts, 1) for s in a.result.steps)


def summarize(results: list[TaskResult]) -> dict:
    n = len(results)
    seconds = [r.seconds for r in results]
    passed = sum(r.passed for r in results)
    first = sum(r.passed_first for r in results)
    return {
        "tasks": n,
        "passed_first": first,
        "pass_rate_first": round(first / n, 3) if n else 0.0,
        "passed": passed,
        "pass_rate": round(passed / n, 3) if n else 0.0,
        "patches": sum(r.patch for r in results),
        "errors": sum(r.outcome.startswith("error") for r in results),
        "median_seconds": round(statistics.median(seconds), 1) if seconds else 0.0,
        "median_first_seconds": round(statistics.median(r.first_seconds for r in results), 1)
        if results else 0.0,
        "total_seconds": round(sum(seconds), 1),
        "no_change": sum(r.outcome == "no change" for r in results),
        "withheld": sum(r.outcome == "withheld" for r in results),
        "regressions_first": sum(bool(r.regressions_first) for r in results),
        "regressions": sum(bool(r.regressions) for r in results),
        "request_tests": sum(r.request_test_used for r in results),
        "tokens": _token_totals(results),
        "by_kind": _by_kind(results),
    }


def _by_kind(results: list[TaskResult]) -> dict[str, dict[str, int]]:
    """Tasks, first-attempt passes and passes per kind of task (tasks without a kind: none)."""
    kinds: dict[str, dict[str, int]] = {}
    for r in results:
        if r.kind:
            row = kinds.setdefault(r.kind, {"tasks": 0, "passed_first": 0, "passed": 0})
            row["tasks"] += 1
            row["passed_first"] += r.passed_first
            row["passed"] += r.passed
    return dict(sorted(kinds.items()))


def _token_totals(results: list[TaskResult]) -> dict[str, dict[str, int]]:
    totals: dict[str, dict[str, int]] = {}
    for r in results:
        for role, counts in r.tokens.items():
            entry = totals.setdefault(role, {"prompt": 0, "evaluated": 0, "completion": 0})
            entry["prompt"] += counts.get("prompt", 0)
            entry["evaluated"] += counts.get("evaluated", counts.get("prompt", 0))
            entry["completion"] += counts.get("completion", 0)
    return totals


def summary_table(summary: dict, rounds: int) -> str:
    """The end-of-run summary as a small plain-text table."""
    n = summary["tasks"]

    def rate(passed: int) -> str:
        return f"{passed}/{n} ({100 * passed / n:.0f}%)" if n else "0/0"

    loop = f"with {rounds} test round{'s' if rounds != 1 else ''}"
    lines = [f"{'':16}{'first attempt':18}{loop}",
             f"{'passed':16}{rate(summary['passed_first']):18}{rate(summary['passed'])}",
             f"{'regressions':16}{summary.get('regressions_first', 0):<18}"
             f"{summary.get('regressions', 0)}  (runs whose change breaks a test that passed)",
             f"patches {summary['patches']}, withheld {summary.get('withheld', 0)}, "
             f"no change {summary['no_change']}, errors "
             f"{summary['errors']}; median {summary['median_first_seconds']} s per task on the "
             f"first attempt, {summary['median_seconds']} s with the test loop; total "
             f"{summary['total_seconds']} s",
             f"tests written from the request that checked the attempts: {summary.get('request_tests', 0)}"]
    kinds = summary.get("by_kind", {})
    width = max([14, *(len(kind) + 1 for kind in kinds)])  # two_file_feature ran into its figure
    for kind, row in kinds.items():
        first, loop_passed = (f"{row[k]}/{row['tasks']}" for k in ("passed_first", "passed"))
        lines.append(f"  {kind:{width}}{first:18}{loop_passed}")
    for role, counts in summary["tokens"].items():
        lines.append(f"tokens, {role} model: {counts['prompt']} prompt ({counts['evaluated']} "
                     f"evaluated, the rest cached), {counts['completion']} written")
    return "\n".join(lines)


GOLDEN = "golden.json"


def record_golden(task_dir: Path, result: TaskResult, recorders: Mapping[str, RecordingBackend]) -> None:
    """Keep a run's model replies and diff beside the task, for the replay tests."""
    golden = {role: list(r.replies) for role, r in recorders.items()}
    golden.update(diff=result.diff, outcome=result.outcome, passed=result.passed,
                  models={role: r.model for role, r in recorders.items()})
    (task_dir / GOLDEN).write_text(json.dumps(golden, indent=2) + "\n")


def run_suite(
    tasks: list[Task],
    settings: Settings,
    backends: Mapping[str, Backend],
    on_result: Callable[[int, TaskResult], None] | None = None,
    rounds: int = 0,
    record: bool = False,
) -> tuple[list[TaskResult], dict]:
    """Run every task; with ``record`` (dual-model mode, no test rounds) each task's replies and
    diff are written to its golden.json."""
    results = []
    for index, task in enumerate(tasks, start=1):
        if record:
            recorders = {"router": RecordingBackend(backends["router"]),
                         "code": RecordingBackend(backends["code"])}
            result = run_task(task, settings, {"router": recorders["router"],
                                               "code": recorders["code"]}, 0)
            record_golden(task.task_dir, result, recorders)
        else:
            result = run_task(task, settings, backends, rounds)
        results.append(result)
        if on_result:
            on_result(index, result)
    return results, summarize(results)


def report_json(results: list[TaskResult], summary: dict, settings: Settings,
                models: Mapping[str, Mapping[str, str]], rounds: int,
                perf: Mapping[str, Any] | None = None) -> dict:
    return {
        "summary": summary,
        "perf": perf,
        "mode": "dual" if settings.dual_model_mode else "single",
        "test_rounds": rounds,
        "models": {k: dict(v) for k, v in models.items()},
        "results": [asdict(r) for r in results],
    }
