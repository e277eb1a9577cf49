"""A question answered by the code model from the evidence dcx gathers (dcx.evidence), streamed
as it is written, each `path:line` citation checked against the files (dcx.citations). A
question nothing in the repository matches is answered without a model: what was searched, and
that nothing matches.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from dcx import prompts
from dcx.backends import Backend, ChatRequest, code_model
from dcx.citations import Citation, CitationStream, Places, mentioned
from dcx.errors import ConfigError, InputError
from dcx.evidence import BUDGET_TOKENS, Evidence, gather_evidence
from dcx.progress import Reporter
from dcx.request import Result
from dcx.run import RunOutcome
from dcx.settings import Settings
from dcx.usage import Usage
from dcx.workspace import Workspace

ANSWER_MAX_TOKENS = 400
ANSWER_MODELS = ("code", "router")


@dataclass(frozen=True)
class Answer:
    question: str
    text: str  # as shown (citations fixed, dropped ones removed)
    citations: tuple[Citation, ...]
    notes: tuple[str, ...]  # citations fixed or dropped, and why
    evidence: Evidence
    stopped: bool = False  # the generation was stopped (Ctrl-C in a chat)
    seconds: float = 0.0

    @property
    def found(self) -> bool:
        """Whether anything in the repository matched (else no model was asked)."""
        return self.evidence.found


def answer_model(settings: Settings) -> str:
    """``settings.answer_model``, checked: "code" or "router"."""
    if settings.answer_model not in ANSWER_MODELS:
        raise ConfigError(f"answer_model from {settings.origin('answer_model')} must be code or "
                          f"router, not {settings.answer_model!r}")
    return settings.answer_model


def answer_question(workspace: Workspace, question: str, paths: tuple[str, ...], coder: Backend,
                    reporter: Reporter, usage: Usage, emit: Callable[[str], None],
                    conversation: str = "", stop: Callable[[], bool] = lambda: False,
                    evidence: Evidence | None = None) -> Answer:
    """Answer ``question`` from the repository's ranked definitions (or ``evidence`` gathered
    already), streaming the text to ``emit``; ``conversation`` is what was said before (a chat),
    ``stop`` is asked after each piece and ends the generation when it says True."""
    if not question.strip():
        raise InputError("the question is empty; ask something, e.g. "
                         "dcx ask \"where are dates parsed?\"")
    started = time.monotonic()
    if evidence is None:
        with usage.stage("context"):
            evidence = gather_evidence(workspace, question, paths, BUDGET_TOKENS)
    if not evidence.found:
        reporter.stage(f"nothing matches the question in {evidence.definitions} definitions of "
                       f"{evidence.files} files; no model asked")
        text = prompts.nothing_matches(question, evidence.words, evidence.files, evidence.definitions)
        emit(text)
        return Answer(question, text, (), (), evidence, seconds=time.monotonic() - started)
    reporter.stage(f"answering from {len(evidence.excerpts)} excerpts of "
                   f"{', '.join(evidence.paths[:4])} ({evidence.tokens} tokens)")
    places = Places(workspace)
    stream = CitationStream(places, emit, stop)
    request = prompts.answer_request(evidence.text, question, conversation,
                                     may_be_absent=not evidence.named)
    messages = ({"role": "system", "content": prompts.ANSWER_SYSTEM},
                {"role": "user", "content": request})
    completion = coder.chat(ChatRequest(messages, ANSWER_MAX_TOKENS), watch=stream.feed)
    usage.count("code", completion)
    text = stream.finish()
    if not text.endswith("\n"):
        emit("\n")
        text += "\n"
    cited = tuple(stream.citations)
    cited += tuple(mentioned(places, text, evidence.paths, cited))
    if not cited and any(note.startswith("dropped ") for note in stream.notes):
        # every place the answer points to is made up: what it describes is likely not here
        emit(prompts.NOTHING_IT_CITES_EXISTS)
        text += prompts.NOTHING_IT_CITES_EXISTS
    return Answer(question, text, cited, tuple(stream.notes), evidence,
                  completion.finish_reason == "stopped", time.monotonic() - started)


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


def answer_with_code_model(workspace: Workspace, settings: Settings, backends: Mapping[str, Backend],
                           question: str, paths: tuple[str, ...], reporter: Reporter,
                           emit: Callable[[str], None] | None, conversation: str = "",
                           stop: Callable[[], bool] = lambda: False,
                           evidence: Evidence | None = None) -> AskOutcome:
    """One question answered by the code model (the router in single-model mode plays it);
    ``conversation`` and ``evidence`` (gathered already) come from a chat."""
    coder = code_model(backends, settings)
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
