"""One attempt at a request, in memory: gather the context, let dcx and the router call tools
(the code model writes each edit), and build the patch. Nothing is written to the working tree."""

from __future__ import annotations

import time
from typing import Mapping

from dcx.actions import Actions
from dcx.backends import Backend, code_model, create_backends
from dcx.baseline import TestRun
from dcx.context import gather
from dcx.doubt import unsure
from dcx.errors import InputError
from dcx.patch import build_patch
from dcx.progress import Reporter, Silent
from dcx.request import Request, Result
from dcx.router_loop import RouterLoop, summary
from dcx.session import Session
from dcx.settings import Settings
from dcx.usage import Usage
from dcx.workspace import Workspace


class Pipeline:
    """The models and settings of a run. Backends load their models lazily, on first use."""

    def __init__(self, settings: Settings, workspace: Workspace, reporter: Reporter | None = None,
                 backends: Mapping[str, Backend] | None = None, usage: Usage | None = None) -> None:
        self.settings = settings
        self.workspace = workspace
        self.reporter = reporter or Silent()
        backends = backends or create_backends(settings, self.reporter)
        self.router: Backend = backends["router"]
        self.coder: Backend = code_model(backends, settings)
        self.usage = usage or Usage()

    def start(self, request: Request, baseline: TestRun | None = None) -> Session:
        """The session of a request's first attempt (``baseline``: the tests before any change)."""
        if not request.instruction.strip():
            raise InputError("the instruction is empty; say what to change, e.g. dcx fix \"...\"")
        return Session(request, self.workspace, baseline=baseline)

    def run(self, session: Session) -> Result:
        """Carry out one attempt; ``session`` holds its edits afterwards."""
        started = time.monotonic()
        request = session.request
        with self.usage.stage("context"):
            context = gather(self.workspace, request.instruction, list(request.paths),
                             self.settings.context_budget, fix_mode=request.mode == "fix")
        self.reporter.stage(f"context gathered: {len(context.files)} files, {context.tokens} tokens "
                            f"({time.monotonic() - started:.1f}s)")
        actions = Actions(self.settings, session, context, self.coder, self.usage, self.reporter)
        loop = RouterLoop(self.settings, session, context, self.router, actions, self.usage,
                          self.reporter)
        answer, limit_hit = loop.run()
        failure = self._failure(session, actions)
        changes = () if failure else session.changes()
        with self.usage.stage("patch"):
            diff = build_patch(list(changes))
        if changes and (_echoes(answer, request.instruction) or request.mode == "fix"):
            answer = summary(session)
        return Result(
            instruction=request.instruction,
            answer=answer,
            diff=diff,
            changes=changes,
            originals=session.changed_originals(),
            steps=tuple(session.steps),
            models={"router": self.router.describe(), "code": self.coder.describe()},
            tokens=self.usage.token_totals(),
            seconds=time.monotonic() - started,
            step_limit_hit=limit_hit,
            rewritten=any(e.rewritten and e.changed for e in session.edits),
            perf=self.usage.perf(),
            failure=failure,
            unsure=unsure([(e.target, e.path, e.doubt) for e in session.edits
                           if e.changed and e.doubt is not None]),
        )

    def _failure(self, session: Session, actions: Actions) -> str:
        """Why the attempt has no usable change: every code model call failed, or the whole
        change (follow-ups included) leaves the project with new static problems."""
        changes = session.changes()
        if not changes:
            invalid = [s for s in session.steps if not s.ok and "no valid code" in s.result]
            edited = any(s.ok for s in session.steps if s.tool in ("generate_code", "create_file"))
            return "no valid code came back from the code model" if invalid and not edited else ""
        found = actions.final_problems(changes)
        if found:
            return ("the change would bring new problems, so dcx does not offer it: "
                    + "; ".join(str(p) for p in found[:4]))
        return ""


def _echoes(answer: str, instruction: str) -> bool:
    """A tiny router often 'answers' by repeating the request; that tells the user nothing."""
    return not answer or answer.strip().rstrip(".").lower() == instruction.strip().rstrip(".").lower()
