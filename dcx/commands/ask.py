"""`dcx ask`: a prose answer about the repository. By default (answer_model = "code") the code
model writes it from the definitions dcx ranks for the question, streamed, with checked
`path:line` citations (dcx.answer); with answer_model = "router" the router's tool loop answers
in its finish call, and a change it proposes is shown as a diff, never applied."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

from dcx.answer import AskOutcome, answer_model, answer_with_code_model
from dcx.backends import create_backends
from dcx.commands import open_workspace, settings_for
from dcx.progress import Reporter
from dcx.run import run_request


def ask(cwd: Path, question: str, paths: tuple[str, ...], flags: Mapping[str, Any],
        reporter: Reporter, emit: Callable[[str], None] | None = None) -> AskOutcome:
    """`dcx ask QUESTION [PATHS]` run from ``cwd`` with the command's ``flags``; the code model's
    answer streams to ``emit`` when given."""
    workspace = open_workspace(cwd)
    settings = settings_for(flags, workspace)
    if answer_model(settings) == "router":
        return AskOutcome(run_request(workspace, settings, question, paths, "ask", False, reporter))
    repo_paths = tuple(workspace.relative(p) for p in paths)
    for path in repo_paths:
        workspace.read(path)  # a clear error now for a missing, binary, huge or ignored file
    backends = create_backends(settings, reporter)
    return answer_with_code_model(workspace, settings, backends, question, repo_paths, reporter,
                                  emit)
