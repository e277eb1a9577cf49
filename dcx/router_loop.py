"""The router's tool loop: one tool call per step, sampled under a JSON-schema grammar, bounded
by max_steps. In fix mode dcx makes the plain calls itself (the first edit when the context shows
where it goes, and follow-ups of renames), so the router only fills in what dcx cannot decide."""

from __future__ import annotations

import json
from typing import Any, Mapping

from dcx import prompts
from dcx.actions import Actions
from dcx.backends import Backend, ChatRequest
from dcx.context import Context
from dcx.errors import StepLimitError
from dcx.followups import callee_call, followup_call, option_call, reader_call, signature_call, stub_call
from dcx.plan import plan_first_call
from dcx.progress import Reporter
from dcx.request import Step
from dcx.session import Session
from dcx.settings import Settings
from dcx.targets import changed_definitions
from dcx.tools import TOOL_ARGUMENTS, ToolCall, ToolCallError, call_schema, parse_call
from dcx.usage import Usage

ROUTER_MAX_TOKENS = 400
SHORT_RESULT = 160


class RouterLoop:
    def __init__(self, settings: Settings, session: Session, context: Context, router: Backend,
                 actions: Actions, usage: Usage, reporter: Reporter) -> None:
        self.settings = settings
        self.session = session
        self.request = session.request
        self.context = context
        self.router = router
        self.actions = actions
        self.usage = usage
        self.reporter = reporter

    def run(self) -> tuple[str, bool]:
        """Step until finish: (the answer, whether the step limit cut the loop short)."""
        targets = _target_names(self.context)
        messages = self._initial_messages()
        seen: set[str] = set()
        repeats = 0
        for step in range(1, self.settings.max_steps + 1):
            by_dcx = bool(self.session.steps) and all(s.by == "dcx" for s in self.session.steps)
            planned = self._planned_call(step) if step == 1 or self.session.edits or by_dcx else None
            if planned is not None:
                call, by = planned, "dcx"
                messages.append({"role": "assistant", "content": json.dumps(
                    {"name": call.name, "arguments": dict(call.arguments)})})
            else:
                tools = self._tools(step)
                completion = self.router.chat(ChatRequest(
                    tuple(messages), ROUTER_MAX_TOKENS,
                    json_schema=call_schema(self.context.files, tools, targets)))
                self.usage.count("router", completion)
                messages.append({"role": "assistant", "content": completion.text})
                try:
                    call, by = parse_call(completion.text, tools), "router"
                except ToolCallError as exc:
                    self.record(ToolCall("invalid", {"reply": completion.text[:200]}), str(exc), False)
                    messages.append({"role": "user", "content": f"Error: {exc}"})
                    continue
            self.reporter.stage(f"{'planned' if by == 'dcx' else 'router'} step {step}: "
                                f"{call.name} {_brief(call.arguments)}")
            if call.name == "finish":
                self.record(call, "done", True, by)
                return str(call.arguments.get("answer", "")).strip(), False
            key = json.dumps([call.name, call.arguments], sort_keys=True)
            if key in seen:
                repeats += 1
                if repeats >= 2 and self.session.edits:
                    break  # the router is going round in circles; keep what it has done
                result, ok = ("Error: you made this exact call already; its result is above. "
                              "Choose a different action."), False
            else:
                seen.add(key)
                result, ok = self.actions.execute(call)
            self.record(call, result, ok, by)
            messages.append({"role": "user", "content": f"Result of {call.name}:\n{result}"})
        if self.session.edits:
            return (f"Stopped after {len(self.session.steps)} router steps; the changes made so "
                    "far are below."), True
        raise StepLimitError(self.settings.max_steps)

    def record(self, call: ToolCall, result: str, ok: bool, by: str = "router") -> None:
        short = result if len(result) <= SHORT_RESULT else result[: SHORT_RESULT - 3] + "..."
        self.session.steps.append(Step(call.name, dict(call.arguments), short, ok, by))

    def _tools(self, step: int) -> tuple[str, ...]:
        """The tools the router may call at this step: a tiny model does best with few choices.

        In fix mode the first call must write code (the context already shows the likely code);
        after an edit only more edits or finish make sense; the last step of ask is finish.
        """
        last = step == self.settings.max_steps
        if self.request.mode == "ask":
            return ("finish",) if last else ("read_file", "search", "list_files", "generate_code", "finish")
        if self.session.edits:
            return ("finish",) if last else ("generate_code", "create_file", "finish")
        if step == 1:
            return ("generate_code", "create_file")
        return tuple(TOOL_ARGUMENTS)

    def _initial_messages(self) -> list[dict[str, str]]:
        request = self.request
        system = prompts.ROLE_SYSTEM + (prompts.ASK_SUFFIX if request.mode == "ask" else "")
        named = f"\nFiles named by the user: {', '.join(request.paths)}" if request.paths else ""
        kind = "Question" if request.mode == "ask" else "Request"
        instruction = prompts.shortened(request.instruction, prompts.ROUTER_REQUEST_CHARS)
        user = f"{self.context.text}{named}\n\n{kind}: {instruction}\n"
        feedback, baseline = self.session.feedback, self.session.baseline
        if feedback is not None:
            user += prompts.router_feedback(feedback.previous, feedback.output, feedback.restarted)
        elif baseline is not None and not baseline.check.passed:
            user += prompts.failing_now(baseline.check.output)
        user += "\nReply with one tool call."
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def _planned_call(self, step: int) -> ToolCall | None:
        """In fix mode dcx makes the first call itself when the context makes it plain; the
        router then reviews the edit and finishes or continues. Later, a definition renamed or
        removed while other files still use it gets those files edited next."""
        if self.request.mode != "fix" or not self.settings.plan_first_call:
            return None
        if step == 1:
            return plan_first_call(self.context, self.request.instruction, self.session.baseline)
        followup = (followup_call(self.session) or signature_call(self.session)
                    or callee_call(self.session) or option_call(self.session) or stub_call(self.session)
                    or reader_call(self.session))
        if followup is not None or self.settings.router_review:
            return followup
        if all(s.by == "dcx" for s in self.session.steps):  # dcx's own plan ran: it is done
            return ToolCall("finish", {"answer": summary(self.session) or self._why_unchanged()})
        return None

    def _why_unchanged(self) -> str:
        failed = [s for s in self.session.steps if not s.ok]
        if failed:
            return failed[-1].result.removeprefix("Error: ")
        return "the code model found nothing to change."


def summary(session: Session) -> str:
    """What the session's change does, file by file, in one line ("" when nothing)."""
    parts = []
    renames = {s.arguments["path"]: f"renamed {s.arguments['old']} to {s.arguments['new']}"
               for s in session.steps if s.tool == "update_references" and s.ok}
    for change in session.changes():
        if change.is_new:
            parts.append(f"created {change.path}")
            continue
        what = changed_definitions(change.path, change.old or "", change.new)
        what = ", ".join(filter(None, (renames.get(change.path), what)))
        parts.append(f"{what} in {change.path}" if what else f"changed {change.path}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


def _target_names(context: Context, files: int = 8) -> tuple[str, ...]:
    """Symbol names of the best-ranked files (for the router's grammar), plus "file"."""
    names: dict[str, None] = {}
    for ranked in context.ranked[:files]:
        for symbol in ranked.symbols:
            names[symbol.name] = None
    return tuple(names) + ("file",) if names else ()


def _brief(arguments: Mapping[str, Any]) -> str:
    parts = []
    for key, value in arguments.items():
        text = str(value).replace("\n", " ")
        parts.append(f"{key}={text[:40] + '...' if len(text) > 40 else text}")
    return " ".join(parts)
