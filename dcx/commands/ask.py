"""`dcx ask`: a prose answer about the repository. By default (answer_model = "code") the code
model writes it from the definitions dcx ranks for the question, streamed, with checked
`path:line` citations (dcx.answer); with answer_model = "router" the router's tool loop answers
in its finish call, and a change it proposes is shown as a diff, never applied."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from dcx.answer import Answer, answer_model, answer_question
from dcx.backends import Backend, create_backends
from dcx.citations import Citation
from dcx.commands import open_workspace, settings_for
from dcx.commands.fix import RunOutcome, run_request
from dcx.config import Settings
from dcx.evidence import Evidence
from dcx.progress import Reporter
from dcx.request import Result
from dcx.usage import Usage
from dcx.workspace import Workspace


@dataclass(frozen=True)
class AskOutcome:
    run: RunOutcome  # the answer as a run's result (its JSON keeps the shape of `dcx fix`'s)
    citations: tuple[Citation, ...] = ()
    notes: tuple[str, ...] = ()  # citations fixed or dropped
    streamed: bool = False  # the answer went to ``emit`` as it was written

    @property
    def result(self) -> Result:
        return self.run.result

    @property
    def wrote(self) -> bool:
        return False

    def to_json(self) -> dict[str, Any]:
        report = self.run.to_json()
        report["citations"] = [c.to_json() for c in self.citations]
        report["notes"] = list(self.notes)
        return report


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


def answer_with_code_model(workspace: Workspace, settings: Settings, backends: Mapping[str, Backend],
                           question: str, paths: tuple[str, ...], reporter: Reporter,
                           emit: Callable[[str], None] | None, conversation: str = "",
                           stop: Callable[[], bool] = lambda: False,
                           evidence: Evidence | None = None) -> AskOutcome:
    """One question answered by the code model (the router in single-model mode plays it);
    ``conversation`` and ``evidence`` (gathered already) come from a chat."""
    coder = backends["code"] if settings.dual_model_mode else backends["router"]
    usage = Usage()
    answer = answer_question(workspace, question, paths, coder, reporter, usage,
                             emit or (lambda text: None), conversation, stop, evidence)
    return AskOutcome(RunOutcome(_result(answer, backends, coder, usage), None), answer.citations,
                      answer.notes, streamed=emit is not None)


def _result(answer: Answer, backends: Mapping[str, Backend], coder: Backend, usage: Usage) -> Result:
    return Result(instruction=answer.question, answer=answer.text.strip(), diff="", changes=(),
                  originals={}, steps=(),
                  models={"router": backends["router"].describe(), "code": coder.describe()},
                  tokens=usage.token_totals(), seconds=answer.seconds, perf=usage.perf())
