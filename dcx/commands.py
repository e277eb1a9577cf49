"""The core of each command, called by the thin click layer; never imports click."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from dcx.apply import ApplyOutcome, apply_and_stage
from dcx.backends import Backend
from dcx.config import Settings
from dcx.handler import Request, Result
from dcx.progress import Reporter
from dcx.solve import Attempt, solve
from dcx.verify import CheckResult, check_in_scratch, parse_command
from dcx.workspace import Workspace


@dataclass(frozen=True)
class RunOutcome:
    result: Result
    applied: ApplyOutcome | None
    checks: tuple[CheckResult, ...] = ()  # one per attempt when a test command was given

    @property
    def tests_passed(self) -> bool | None:
        return self.checks[-1].passed if self.checks else None

    def to_json(self) -> dict[str, Any]:
        r = self.result
        return {
            "instruction": r.instruction,
            "answer": r.answer,
            "diff": r.diff,
            "files": list(r.files),
            "applied": bool(self.applied and self.applied.applied),
            "staged": list(self.applied.staged) if self.applied else [],
            "notes": list(self.applied.notes) if self.applied else [],
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
            "attempts": [{"passed": c.passed, "output": c.output} for c in self.checks],
        }


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, Mapping):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def open_workspace(cwd: Path | str = ".") -> Workspace:
    return Workspace(cwd)


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
) -> RunOutcome:
    repo_paths = tuple(workspace.relative(p) for p in paths)
    for path in repo_paths:
        workspace.read(path)  # a clear error now for a missing, binary, huge or ignored file
    request = Request(instruction, repo_paths, mode)
    checks: tuple[CheckResult, ...] = ()
    if test_command and mode == "fix":
        argv = parse_command(test_command)

        def check(result: Result) -> CheckResult:
            reporter.stage(f"running {' '.join(argv)} on a scratch copy with the change")
            return check_in_scratch(workspace, result.changes, argv, settings.test_timeout)

        def report(number: int, attempt: Attempt) -> None:
            verdict = "pass" if attempt.check and attempt.check.passed else "fail"
            reporter.stage(f"attempt {number}: tests {verdict}")

        solution = solve(request, workspace, settings, reporter, backends, check,
                         settings.test_rounds, report)
        result, checks = solution.result, solution.checks
    else:
        result = solve(request, workspace, settings, reporter, backends).result
    outcome = None
    if apply and mode == "fix":
        outcome = apply_and_stage(workspace, result.changes, result.originals, instruction)
    return RunOutcome(result, outcome, checks)
