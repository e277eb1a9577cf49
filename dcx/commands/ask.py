"""`dcx ask`: a prose answer about the repository; a change the models propose is shown as a
diff and never applied."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from dcx.commands import open_workspace, settings_for
from dcx.commands.fix import RunOutcome, run_request
from dcx.progress import Reporter


def ask(cwd: Path, question: str, paths: tuple[str, ...], flags: Mapping[str, Any],
        reporter: Reporter) -> RunOutcome:
    """`dcx ask QUESTION [PATHS]` run from ``cwd`` with the command's ``flags``."""
    workspace = open_workspace(cwd)
    return run_request(workspace, settings_for(flags, workspace), question, paths, "ask", False,
                       reporter)
