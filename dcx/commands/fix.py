"""`dcx fix`: run a request through the models (checking each attempt with a test command when
one is given), and with `--apply` write the chosen change through the write transaction
(dcx.run)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from dcx.commands import open_workspace, settings_for
from dcx.progress import Reporter
from dcx.run import RunOutcome, run_request


def fix(cwd: Path, instruction: str, paths: tuple[str, ...], flags: Mapping[str, Any],
        apply: bool, reporter: Reporter, test_command: str | None = None,
        apply_failing: bool = False) -> RunOutcome:
    """`dcx fix INSTRUCTION [PATHS]` run from ``cwd`` with the command's ``flags``."""
    workspace = open_workspace(cwd)
    settings = settings_for(flags, workspace)
    return run_request(workspace, settings, instruction, paths, "fix", apply, reporter,
                       test_command=test_command, apply_failing=apply_failing)
