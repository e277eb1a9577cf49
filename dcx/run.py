"""One request run to its outcome: solved (each attempt checked with a test command when one is
given), the chosen change withheld when dcx cannot do better, and with ``apply`` written through
the write transaction. `dcx fix`, `dcx ask --answer-model router` and a chat's change call it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from dcx.backends import Backend
from dcx.context import is_test_path
from dcx.progress import Reporter
from dcx.request import Request, Result
from dcx.settings import Settings
from dcx.solve import Attempt, TestCommand, solve
from dcx.verify import CheckResult, parse_command
from dcx.workspace import Workspace
from dcx.write import ApplyOutcome, apply_changes


@dataclass(frozen=True)
class RunOutcome:
    result: Result  # the change shown (none when it is withheld)
    applied: ApplyOutcome | None
    checks: tuple[CheckResult, ...] = ()  # one per attempt when a test command was given
    withheld: str = ""  # why dcx offers no change although one was asked for
    tests_passed: bool | None = None  # the shown change passed the tests (None: no tests ran)
    still_failing: tuple[str, ...] = ()  # tests that fail with the shown change, when known
    kept_back: bool = False  # --apply with tests still failing: not written (no --apply-failing)
    request_test: Mapping[str, str] | None = None  # path, text, why: a test dcx wrote from the request
    notes: tuple[str, ...] = ()  # what the user should know beside the change (a command not run)

    @property
    def exit_code(self) -> int:
        """0 when the change is what was asked (or nothing needed changing); 1 when dcx offers
        no change, or the tests still fail with the one it shows."""
        return 1 if self.withheld or self.tests_passed is False else 0

    @property
    def wrote(self) -> bool:
        """Whether the change is in the working tree (`dcx undo` reverts it)."""
        return bool(self.applied and self.applied.applied)

    def to_json(self) -> dict[str, Any]:
        r = self.result
        return {
            "instruction": r.instruction,
            "answer": r.answer,
            "diff": r.diff,
            "files": list(r.files),
            "applied": self.wrote,
            "staged": list(self.applied.staged) if self.applied else [],
            "notes": list(self.notes) + (list(self.applied.notes) if self.applied else []),
            "backup": self.applied.backup if self.applied else None,
            "steps": [
                {"tool": s.tool, "arguments": dict(s.arguments), "result": s.result, "ok": s.ok,
                 "by": s.by}
                for s in r.steps
            ],
            "step_limit_hit": r.step_limit_hit,
            "models": {role: dict(v) for role, v in r.models.items()},
            "tokens": {role: dict(v) for role, v in r.tokens.items()},
            "seconds": round(r.seconds, 2),
            "perf": _rounded(r.perf),
            "tests_passed": self.tests_passed,
            "still_failing": list(self.still_failing),
            "withheld": self.withheld or None,
            "attempts": [{"passed": c.passed, "output": c.output} for c in self.checks],
            "request_test": dict(self.request_test) if self.request_test else None,
        }


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, Mapping):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def run_request(
    workspace: Workspace,
    settings: Settings,
    instruction: str,
    paths: tuple[str, ...],
    mode: str,
    apply: bool,
    reporter: Reporter,
    backends: Mapping[str, Backend] | None = None,
    test_command: str | None = None,
    apply_failing: bool = False,
) -> RunOutcome:
    """One request in ``mode`` ("fix" or "ask"); a fix is checked with ``test_command`` when
    given (else with the configured ``test_command``), and applied with ``apply``."""
    repo_paths = tuple(workspace.relative(p) for p in paths)
    for path in repo_paths:
        workspace.read(path)  # a clear error now for a missing, binary, huge or ignored file
    request = Request(instruction, repo_paths, mode)
    notes: tuple[str, ...] = ()
    if mode == "fix" and not test_command:
        test_command, notes = configured_test_command(settings, reporter)
    tests = None
    if test_command and mode == "fix":
        tests = TestCommand(parse_command(test_command), settings.test_timeout)

    def report(number: int, attempt: Attempt) -> None:
        if attempt.check is not None:
            verdict = "pass" if attempt.check.passed else "fail"
            reporter.stage(f"attempt {number}: tests {verdict}")

    solution = solve(request, workspace, settings, reporter, backends, None,
                     settings.test_rounds if tests else 0, report, tests=tests)
    withheld = solution.withheld
    result = solution.result.without_change() if withheld else solution.result
    if mode == "fix" and tests is None and result.diff and not notes:
        notes = untested(workspace, '`--test "python -m pytest -q"` checks each attempt with them, '
                                    "and test_command in your config makes that the default")
    passed = None if tests is None or withheld else solution.passed
    kept_back = bool(apply and passed is False and not apply_failing)
    outcome = None
    if apply and mode == "fix" and not withheld and not kept_back:
        outcome = apply_changes(workspace, result.changes, result.originals, instruction)
    written = solution.request_test
    shown_test = None if written is None else {
        "why": written.why, "path": written.test.path if written.test else "",
        "text": written.test.change.new if written.test else ""}
    return RunOutcome(result, outcome, solution.checks, withheld, passed,
                      solution.chosen.failing if passed is False else (), kept_back, shown_test,
                      notes)


def configured_test_command(settings: Settings, reporter: Reporter) -> tuple[str | None, tuple[str, ...]]:
    """The configured test command (the user's config, the environment, or a repository config
    the user trusts), or None with a note when a repository's config names one it does not yet
    trust: a command a cloned repository chooses is never run on its word alone."""
    if settings.test_command:
        reporter.stage(f"checking each attempt with `{settings.test_command}` "
                       f"(test_command from {settings.origin('test_command')})")
        return settings.test_command, ()
    held = withheld_test_command(settings)
    return None, (f"{held}; or pass it with --test",) if held else ()


def withheld_test_command(settings: Settings) -> str:
    """What to say of a test command that a repository's config names and the user has not
    trusted ("" when there is none): a command a cloned repository chooses never runs on its
    word alone."""
    if "test_command" not in settings.withheld:
        return ""
    value, where = settings.withheld["test_command"]
    return (f"{where} names a test command (`{value}`), which dcx did not run: a repository's "
            "command runs only once you trust its config (`dcx trust`)")


def untested(workspace: Workspace, how: str) -> tuple[str, ...]:
    """A note that the change shown was checked by no test although the repository has some,
    and ``how`` to have them check it: dcx checked it statically only, and a change can be wrong
    in ways no static check sees."""
    tests = [p for p in workspace.files if is_test_path(p) and p.endswith(".py")]
    if not tests:
        return ()
    files = f"{len(tests)} test files, such as {tests[0]}" if len(tests) > 1 else tests[0]
    return (f"this change is untested: the repository has tests ({files}); {how}",)

