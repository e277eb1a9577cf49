"""One request with its checks: the first attempt, then, while a check fails, bounded retries told
the failing output; then the attempt whose change is the result. `dcx fix`, `dcx check` and
`dcx bench` all run requests through here, so they choose alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from dcx.backends import Backend
from dcx.config import Settings
from dcx.errors import DcxError
from dcx.pipeline import Pipeline
from dcx.progress import Reporter
from dcx.request import Request, Result
from dcx.usage import Usage
from dcx.verify import CheckResult
from dcx.workspace import Workspace

Check = Callable[[Result], CheckResult]


@dataclass(frozen=True)
class Attempt:
    result: Result
    check: CheckResult | None  # None when no check was run


@dataclass(frozen=True)
class Solution:
    attempts: tuple[Attempt, ...]
    chosen: Attempt  # the attempt whose change is shown or applied

    @property
    def result(self) -> Result:
        return self.chosen.result

    @property
    def passed(self) -> bool | None:
        """Whether the chosen change passed its check (None: no check was run)."""
        return None if self.chosen.check is None else self.chosen.check.passed

    @property
    def checks(self) -> tuple[CheckResult, ...]:
        return tuple(a.check for a in self.attempts if a.check is not None)


def choose(attempts: list[Attempt]) -> Attempt:
    """The attempt whose change is the result: the one that passed; when none did, the last one
    that fixed the code rather than wrote a function anew (a failed rewrite is no more right, and
    further from the user's code)."""
    passed = [a for a in attempts if a.check and a.check.passed]
    if passed:
        return passed[-1]
    fixes = [a for a in attempts if not a.result.rewritten]
    return (fixes or attempts)[-1]


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
) -> Solution:
    """Run ``request``; with ``check``, check each attempt and retry with its failing output up
    to ``rounds`` more times, stopping at the first that passes. ``usage`` (when given) collects
    what every attempt cost, failed ones included."""
    pipeline = Pipeline(settings, workspace, reporter, backends, usage)
    session = pipeline.start(request)
    attempts: list[Attempt] = []
    result = pipeline.run(session)
    for number in range(rounds + 1 if check else 1):
        outcome = check(result) if check else None
        attempt = Attempt(result, outcome)
        attempts.append(attempt)
        if on_attempt:
            on_attempt(number + 1, attempt)
        if outcome is None or outcome.passed or number == rounds:
            break
        session = session.retry(outcome.output, settings.feedback_restart)
        try:
            result = pipeline.run(session)
        except DcxError:
            break  # a failed retry keeps the attempts so far
    return Solution(tuple(attempts), choose(attempts))
