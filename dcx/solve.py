"""One request with its checks: the first attempt, then, while a check fails, bounded retries told
the failing output; then the attempt whose change is the result. `dcx fix`, `dcx check` and
`dcx bench` all run requests through here, so they choose alike.

With a test command the tests also run once before the first attempt (dcx.baseline): what fails
then guides the first attempt, and a change that makes a test fail that passed before is never
the chosen one. An attempt that made progress (fewer tests fail, none that passed does) is not
thrown away: the next round builds on it once, planned from the files as it left them and the
tests that still fail there (a module of several functions is seldom right all at once, and a
fresh start loses the functions it got right).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Mapping

from dcx import prompts, request_test
from dcx.backends import Backend
from dcx.baseline import TestRun, combined, is_pytest, lost, run_baseline, run_tests
from dcx.context import gather
from dcx.errors import DcxError
from dcx.listing import first_few
from dcx.overlay import PendingWorkspace, layered
from dcx.patch import FileChange
from dcx.pipeline import Pipeline
from dcx.progress import Reporter
from dcx.request import Request, Result
from dcx.settings import Settings
from dcx.usage import Usage
from dcx.verify import CheckResult
from dcx.workspace import Workspace

Check = Callable[[Result], CheckResult]


def _every_change(change: FileChange) -> bool:
    return True


@dataclass(frozen=True)
class TestCommand:
    """The user's test command, run on a scratch copy with each attempt's change."""

    __test__ = False  # not a test class, whatever pytest thinks of its name
    argv: tuple[str, ...]
    timeout_s: float
    applies: Callable[[FileChange], bool] = _every_change  # which changes a test run takes
    written: request_test.RequestTest | None = None  # a test dcx wrote, run apart with its path


@dataclass(frozen=True)
class Attempt:
    result: Result
    check: CheckResult | None  # None when no check was run
    failing: tuple[str, ...] = ()  # tests that failed, when the command says which
    regressions: tuple[str, ...] = ()  # tests that passed before this change and do not with it
    built_on: int = 0  # the attempt (1-based) this one was built on; 0: none


@dataclass(frozen=True)
class Solution:
    attempts: tuple[Attempt, ...]
    chosen: Attempt  # the attempt whose change is shown or applied
    baseline: TestRun | None = None
    request_test: request_test.Outcome | None = None  # the test written from the request, if tried

    @property
    def result(self) -> Result:
        return self.chosen.result

    @property
    def passed(self) -> bool | None:
        """Whether the chosen change passed its check (None: no check was run, or the test
        command ran no test)."""
        check = self.chosen.check
        return None if check is None or check.empty else check.passed

    @property
    def checks(self) -> tuple[CheckResult, ...]:
        return tuple(a.check for a in self.attempts if a.check is not None)

    @property
    def withheld(self) -> str:
        """Why the chosen change may be neither shown nor written ("" when it may be): it breaks
        a test that passed before, or the attempt found no usable change."""
        if self.chosen.regressions:
            broken = first_few(self.chosen.regressions, 3)
            return f"every change dcx found breaks tests that passed before ({broken})"
        return self.result.failure


def choose(attempts: list[Attempt]) -> Attempt:
    """The attempt whose change is the result: the last one that passed. When none did, the one
    that leaves the fewest tests failing without breaking a test that passed before, preferring
    a fix of the code to a function written anew (a failed rewrite is no more right, and further
    from the user's code); later attempts win ties."""
    passed = [a for a in attempts if a.check and a.check.passed]
    if passed:
        return passed[-1]
    safe = [a for a in attempts if not a.regressions] or attempts
    fixes = [a for a in safe if not a.result.rewritten] or safe
    best = min(len(a.failing) for a in fixes)
    return [a for a in fixes if len(a.failing) == best][-1]


def solve(
    request: Request,
    workspace: Workspace,
    settings: Settings,
    reporter: Reporter,
    backends: Mapping[str, Backend] | None = None,
    check: Check | None = None,
    rounds: int = 0,
    on_attempt: Callable[[int, Attempt], None] | None = None,
    usage: Usage | None = None,
    tests: TestCommand | None = None,
) -> Solution:
    """Run ``request``; with ``tests`` (or a ``check``), check each attempt and retry with its
    failing output up to ``rounds`` more times, stopping at the first that passes. ``usage``
    (when given) collects what every attempt cost, failed ones included."""
    pipeline = Pipeline(settings, workspace, reporter, backends, usage)
    baseline = written = None
    if tests is not None:
        reporter.stage(f"running {' '.join(tests.argv)} once before changing anything")
        with pipeline.usage.stage("verify"):
            baseline = run_baseline(workspace, tests.argv, tests.timeout_s)
        check = None
        if baseline.check.passed and settings.request_tests and is_pytest(tests.argv):
            written = _request_test(pipeline, request, tests)
            if written is not None and written.test is not None:
                tests = replace(tests, written=written.test)
                baseline = combined(baseline, written.test.run)
    session = pipeline.start(request, baseline)
    attempts: list[Attempt] = []
    bases: set[int] = set()  # the attempts a round has built on (indexes)
    result = pipeline.run(session)
    checking = check is not None or tests is not None
    if not checking and result.unsure and not result.failure:
        result = result.without_change(result.unsure)
    on = 0  # the attempt (1-based) the result was built on; 0: the session's own attempt
    for number in range(rounds + 1 if checking else 1):
        attempt = replace(_checked(result, workspace, check, tests, baseline, pipeline.usage), built_on=on)
        attempts.append(attempt)
        if not on:
            own = attempt  # the last change the session's retries are told of
        if on_attempt:
            on_attempt(number + 1, attempt)
        if attempt.check is None or attempt.check.passed or number == rounds:
            break
        try:
            base = _progress(attempts, baseline, bases) if settings.build_on_progress else None
            built = None
            if base is not None and tests is not None:
                bases.add(base)
                built = _built_on(pipeline, request, attempts[base], tests, baseline)
            if built is None:
                on = 0
                session = session.retry(prompts.broken_tests(own.regressions, own.check.output),
                                        settings.feedback_restart, number + 1)
                result = pipeline.run(session)
            else:
                on, result = base + 1, built
        except DcxError:
            break  # a failed retry keeps the attempts so far
    return Solution(tuple(attempts), choose(attempts), baseline, written)


def _progress(attempts: list[Attempt], baseline: TestRun | None, bases: set[int]) -> int | None:
    """The attempt to build on next (its index): of those that break no test that passed, the
    one with the fewest failing (the latest of equals), when it leaves fewer failing than before
    any change and than every attempt built on so far; else None (building again on no further
    progress would plan the same thing again)."""
    if baseline is None or not baseline.failing:
        return None
    usable = [i for i, a in enumerate(attempts)
              if a.check is not None and not a.regressions and a.result.changes and not a.result.failure]
    if not usable:
        return None
    fewest = min(len(attempts[i].failing) for i in usable)
    bar = min([len(baseline.failing)] + [len(attempts[i].failing) for i in bases])
    return [i for i in usable if len(attempts[i].failing) == fewest][-1] if fewest < bar else None


def _built_on(pipeline: Pipeline, request: Request, base: Attempt, tests: TestCommand,
              before: TestRun) -> Result | None:
    """One attempt planned from the files as ``base`` left them, with the tests that still fail
    there as its guide (run once more, with coverage, on that change), taken together with
    ``base`` as one change against the tree; None when it changes nothing usable."""
    changes = base.result.changes
    pipeline.reporter.stage(f"{len(before.failing) - len(base.failing)} of {len(before.failing)} failing "
                            f"tests pass with an earlier attempt: building on it")
    with pipeline.usage.stage("verify"):
        now = _run(pipeline.workspace, tests, changes, measured=True)
    on_top = Pipeline(pipeline.settings, PendingWorkspace(pipeline.workspace, changes), pipeline.reporter,
                      {"router": pipeline.router, "code": pipeline.coder}, pipeline.usage)
    try:
        after = on_top.run(on_top.start(request, now))
    except DcxError:
        return None  # the round starts again instead
    if after.failure or not after.changes:
        return None
    return layered(base.result, after)


def _request_test(pipeline: Pipeline, request: Request, tests: TestCommand) -> request_test.Outcome | None:
    """A test written from the request and run on the unchanged code (None: the request points
    at no Python code, or no usable test file came back)."""
    pipeline.reporter.stage("every test passes now: writing a test from the request")
    settings, workspace = pipeline.settings, pipeline.workspace
    with pipeline.usage.stage("context"):
        context = gather(workspace, request.instruction, list(request.paths), settings.context_budget)
    named = tuple(f.path for f in context.ranked if f.named)
    written = request_test.write(pipeline.coder, pipeline.usage, context, request.instruction, named)
    if written is None:
        pipeline.reporter.stage("no usable test came back from the code model; "
                                "the tests alone check each attempt")
        return None
    with pipeline.usage.stage("verify"):
        outcome = request_test.reproduce(workspace, tests.argv, tests.timeout_s, *written)
    pipeline.reporter.stage(outcome.why)
    return outcome


def _checked(result: Result, workspace: Workspace, check: Check | None, tests: TestCommand | None,
             baseline: TestRun | None, usage: Usage) -> Attempt:
    if tests is None:
        return Attempt(result, check(result) if check else None)
    with usage.stage("verify"):
        run = _run(workspace, tests, result.changes)
    broken = lost(baseline, run) if baseline is not None else ()
    if tests.written is not None:  # dcx's own test is a guess: it ranks attempts, never withholds one
        broken = tuple(t for t in broken if not tests.written.runs(t))
    return Attempt(result, run.check, run.failing, broken)


def _run(workspace: Workspace, tests: TestCommand, changes: tuple[FileChange, ...],
         measured: bool = False) -> TestRun:
    """The tests with ``changes`` (those the command takes), and the test dcx wrote from the
    request run apart with its own file, as one run; ``measured``: with coverage per test, as
    before the first attempt."""
    def run(argv: tuple[str, ...], laid: tuple[FileChange, ...]) -> TestRun:
        if measured:
            return run_baseline(workspace, argv, tests.timeout_s, laid)
        return run_tests(workspace, laid, argv, tests.timeout_s)
    taken = tuple(c for c in changes if tests.applies(c))
    found = run(tests.argv, taken)
    if tests.written is None:
        return found
    return combined(found, run((*tests.argv, tests.written.path), taken + (tests.written.change,)))
