"""One request, end to end in memory: context -> router tool loop -> code model -> patch."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Mapping

from dcx.backends import Backend, ChatRequest, Completion, create_backends
from dcx.codegen import CodeEdit, CodeWriter
from dcx.config import Settings
from dcx.prompts import ASK_SUFFIX, ROLE_SYSTEM
from dcx.context import Context, gather
from dcx.encoding import UTF8, check_encodable
from dcx.errors import CodeGenerationError, DcxError, InputError, PathError, StepLimitError
from dcx.guards import destructive_reason, removed_definitions_reason
from dcx.patch import FileChange, build_patch, patch_bytes
from dcx.plan import hints_for, named_tests, plan_first_call, related_files
from dcx.progress import Reporter, Silent
from dcx.rename import imports_name, rename_references, uses_name
from dcx.targets import Target, find_target, hide_body, language_of, python_symbols, symbols_of
from dcx.tools import TOOL_ARGUMENTS, ToolCall, ToolCallError, call_schema, list_files, parse_call, read_file, search
from dcx.workspace import FileText, Workspace

ROUTER_MAX_TOKENS = 400
SHORT_RESULT = 160


@dataclass(frozen=True)
class Request:
    instruction: str
    paths: tuple[str, ...] = ()  # repository-relative
    mode: str = "fix"  # "fix" or "ask"


@dataclass(frozen=True)
class Step:
    tool: str
    arguments: Mapping[str, Any]
    result: str
    ok: bool
    by: str = "router"  # "router", or "dcx" for a call planned from the context


@dataclass(frozen=True)
class Result:
    instruction: str
    answer: str
    diff: str
    changes: tuple[FileChange, ...]
    originals: Mapping[str, FileText]  # what each changed file held when it was read
    steps: tuple[Step, ...]
    models: Mapping[str, Mapping[str, str]]
    tokens: Mapping[str, Mapping[str, int]]
    seconds: float
    step_limit_hit: bool = False
    rewritten: bool = False  # a function was written anew, its body hidden (a late test round)
    # Where the time went, summed over this handler's requests so far: "stages" (seconds of
    # context, language model, code model, patch building) and per role "models" (prompt
    # evaluation and generation seconds, calls).
    perf: Mapping[str, Any] = field(default_factory=dict)

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(c.path for c in self.changes)

    @property
    def diff_bytes(self) -> bytes:
        """The diff as `git apply` reads it: each file's part in that file's encoding."""
        return patch_bytes(self.changes)


@dataclass
class _Session:
    """Mutable state of one handle() call."""

    files: dict[str, str] = field(default_factory=dict)  # path -> current text (edited in memory)
    originals: dict[str, FileText | None] = field(default_factory=dict)  # None: new file
    edits: list[CodeEdit] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    round: int = 0  # 0 for the first attempt, then one more per round of feedback
    followed_up: set[tuple[str, str]] = field(default_factory=set)  # (file, name) planned already


class LocalCodingHandler:
    """Orchestrates one request. Backends are created here but load their models lazily."""

    def __init__(
        self,
        settings: Settings,
        workspace: Workspace,
        reporter: Reporter | None = None,
        backends: Mapping[str, Backend] | None = None,
    ) -> None:
        self.settings = settings
        self.workspace = workspace
        self.reporter = reporter or Silent()
        backends = backends or create_backends(settings, self.reporter)
        self.router: Backend = backends["router"]
        self.coder: Backend = backends["code"] if settings.dual_model_mode else backends["router"]
        self.tokens: dict[str, dict[str, int]] = defaultdict(
            lambda: {"prompt": 0, "evaluated": 0, "completion": 0})
        self.stage_seconds: dict[str, float] = defaultdict(float)
        self.model_seconds: dict[str, dict[str, float]] = defaultdict(
            lambda: {"prompt": 0.0, "generation": 0.0, "total": 0.0, "calls": 0})
        self._session = _Session()
        self._request = Request("")
        self._feedback: str | None = None
        self._context: Context | None = None
        self._previous_diffs: list[str] = []  # every failed attempt's change, for the next one

    # -- public ----------------------------------------------------------------------------

    def handle(self, request: Request, feedback: str | None = None) -> Result:
        """Run one request. With ``feedback`` (why the last attempt failed, e.g. test output), the
        models continue from the previous attempt's edits and see that feedback."""
        if not request.instruction.strip():
            raise InputError("the instruction is empty; say what to change, e.g. dcx fix \"...\"")
        started = time.monotonic()
        if feedback is None:
            self._session = _Session()
            self._previous_diffs = []
        else:  # count this attempt's own steps and edits
            diff = self._patch(list(self._changes())) or "(no change)"
            if self.settings.feedback_restart:  # start again from the files as they were
                if diff not in self._previous_diffs:
                    self._previous_diffs.append(diff)
                originals = self._session.originals
                self._session.files = {p: o.text for p, o in originals.items() if o is not None}
                self._session.originals = {p: o for p, o in originals.items() if o is not None}
            else:  # the files hold it: only the last one counts
                self._previous_diffs = [diff]
            self._session.steps, self._session.edits = [], []
            self._session.round += 1
            self._session.followed_up = set()
        self._feedback = feedback
        self._request = request
        context = self._context = gather(
            self.workspace, request.instruction, list(request.paths), self.settings.context_budget,
            fix_mode=request.mode == "fix",
        )
        self.stage_seconds["context"] += time.monotonic() - started
        self.reporter.stage(
            f"context gathered: {len(context.files)} files, {context.tokens} tokens "
            f"({time.monotonic() - started:.1f}s)"
        )
        answer, limit_hit = self._run_router(request, context)
        changes = self._changes()
        diff = self._patch(list(changes))
        if changes and _echoes(answer, request.instruction):
            answer = self._summary()
        return Result(
            instruction=request.instruction,
            answer=answer,
            diff=diff,
            changes=changes,
            originals={c.path: self._session.originals[c.path] for c in changes
                       if self._session.originals[c.path] is not None},
            steps=tuple(self._session.steps),
            models=self._models(),
            tokens={role: dict(v) for role, v in self.tokens.items()},
            seconds=time.monotonic() - started,
            step_limit_hit=limit_hit,
            rewritten=any(e.rewritten and e.changed for e in self._session.edits),
            perf={"stages": dict(self.stage_seconds),
                  "models": {role: dict(v) for role, v in self.model_seconds.items()}},
        )

    def _patch(self, changes: list[FileChange]) -> str:
        started = time.monotonic()
        try:
            return build_patch(changes)
        finally:
            self.stage_seconds["patch"] += time.monotonic() - started

    # -- the router loop -------------------------------------------------------------------

    def _tools(self, request: Request, step: int) -> tuple[str, ...]:
        """The tools the router may call at this step: a tiny model does best with few choices.

        In fix mode the first call must write code (the context already shows the likely code);
        after an edit only more edits or finish make sense; the last step of ask is finish.
        """
        last = step == self.settings.max_steps
        if request.mode == "ask":
            return ("finish",) if last else ("read_file", "search", "list_files", "generate_code", "finish")
        if self._session.edits:
            return ("finish",) if last else ("generate_code", "create_file", "finish")
        if step == 1:
            return ("generate_code", "create_file")
        return tuple(TOOL_ARGUMENTS)

    def _initial_messages(self, request: Request, context: Context) -> list[dict[str, str]]:
        system = ROLE_SYSTEM + (ASK_SUFFIX if request.mode == "ask" else "")
        named = f"\nFiles named by the user: {', '.join(request.paths)}" if request.paths else ""
        kind = "Question" if request.mode == "ask" else "Request"
        user = f"{context.text}{named}\n\n{kind}: {request.instruction}\n"
        if self._feedback is not None:
            user += self._feedback_text()
        user += "\nReply with one tool call."
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def _changes(self) -> tuple[FileChange, ...]:
        """Every file edited so far, against what it held when first read (or new)."""
        return tuple(
            FileChange(path, None if orig is None else orig.text, self._session.files[path],
                       orig.mode if orig else 0o644, orig.encoding if orig else UTF8)
            for path, orig in self._session.originals.items()
            if orig is None or self._session.files[path] != orig.text
        )

    def _feedback_text(self) -> str:
        now = ("The files are back as they were." if self.settings.feedback_restart
               else "The files now hold that change; fix it.")
        if len(self._previous_diffs) == 1:
            return (f"\nA previous attempt made this change:\n{self._previous_diffs[0]}\nIt is not "
                    f"right yet. Test output:\n{self._feedback}\n{now}\n")
        return (f"\nPrevious attempts made these changes:\n{self._earlier()}None is right yet. "
                f"Test output of the last one:\n{self._feedback}\n{now}\n")

    def _earlier(self) -> str:
        """Every failed attempt's change: a small model told only of the last one often makes the
        one before it again."""
        return "".join(f"Attempt {n}:\n{diff.rstrip()}\n"
                       for n, diff in enumerate(self._previous_diffs, 1))

    def _code_request(self) -> str:
        """What the code model is told the user wants (with the last test failure, if any)."""
        if self._feedback is None:
            return self._request.instruction
        if self.settings.feedback_restart:
            if len(self._previous_diffs) == 1:
                return (f"{self._request.instruction}\nA previous attempt made this change, and the "
                        f"tests still failed:\n{self._previous_diffs[0]}\nTest output:\n"
                        f"{self._feedback}\nDo not repeat that attempt: find the real cause and fix it.")
            return (f"{self._request.instruction}\nPrevious attempts made these changes, and the "
                    f"tests still failed:\n{self._earlier()}Test output of the last one:\n"
                    f"{self._feedback}\nDo not repeat any of them: find the real cause and fix it.")
        return f"{self._request.instruction}\nThe tests still fail with:\n{self._feedback}"

    def _hidden(self, path: str, text: str | None, target: Target) -> str | None:
        """The file with the target's body hidden when this round writes it anew: from round
        ``rewrite_from_round`` on, for a Python function; else None. Shown the buggy body, a
        small model keeps it (QuixBugs with the loop: 17/40 after two rounds, 31/40 after a
        third that writes anew; benchmarks.md)."""
        start = self.settings.rewrite_from_round
        if self._feedback is None or not 0 < start <= self._session.round \
                or language_of(path) != "python" or text is None:
            return None
        return hide_body(text, target)

    def _anew_request(self, name: str) -> str:
        return (f"{self._request.instruction}\nThe body of {name} is hidden because it has a bug "
                f"that earlier attempts could not find. The last attempt failed the tests like "
                f"this:\n{self._feedback}\nWrite {name} anew, correctly, from its name, its "
                f"description and the tests.")

    def _run_router(self, request: Request, context: Context) -> tuple[str, bool]:
        targets = _target_names(context)
        messages = self._initial_messages(request, context)
        seen: set[str] = set()
        repeats = 0
        for step in range(1, self.settings.max_steps + 1):
            planned = self._planned_call(request, context, step) if step == 1 or self._session.edits else None
            if planned is not None:
                call, by = planned, "dcx"
                messages.append({"role": "assistant", "content": json.dumps(
                    {"name": call.name, "arguments": dict(call.arguments)})})
            else:
                tools = self._tools(request, step)
                schema = call_schema(context.files, tools, targets)
                completion = self.router.chat(ChatRequest(tuple(messages), ROUTER_MAX_TOKENS,
                                                          json_schema=schema))
                self._count("router", completion)
                messages.append({"role": "assistant", "content": completion.text})
                try:
                    call, by = parse_call(completion.text, tools), "router"
                except ToolCallError as exc:
                    self._record(ToolCall("invalid", {"reply": completion.text[:200]}), str(exc), False)
                    messages.append({"role": "user", "content": f"Error: {exc}"})
                    continue
            self.reporter.stage(f"{'planned' if by == 'dcx' else 'router'} step {step}: "
                                f"{call.name} {_brief(call.arguments)}")
            if call.name == "finish":
                answer = str(call.arguments.get("answer", "")).strip()
                self._record(call, "done", True, by)
                return answer, False
            key = json.dumps([call.name, call.arguments], sort_keys=True)
            if key in seen:
                repeats += 1
                if repeats >= 2 and self._session.edits:
                    break  # the router is going round in circles; keep what it has done
                result, ok = ("Error: you made this exact call already; its result is above. "
                              "Choose a different action."), False
            else:
                seen.add(key)
                result, ok = self._execute_tool(call)
            self._record(call, result, ok, by)
            messages.append({"role": "user", "content": f"Result of {call.name}:\n{result}"})
        if self._session.edits:
            return (f"Stopped after {len(self._session.steps)} router steps; the changes made so "
                    "far are below."), True
        raise StepLimitError(self.settings.max_steps)

    def _planned_call(self, request: Request, context: Context, step: int) -> ToolCall | None:
        """In fix mode dcx makes the first call itself when the context makes it plain; the
        router then reviews the edit and finishes or continues. Later, a definition renamed or
        removed while other files still use it gets those files edited next."""
        if request.mode != "fix" or not self.settings.plan_first_call:
            return None
        if step == 1:
            return plan_first_call(context, request.instruction)
        followup = self._followup_call()
        if followup is not None or self.settings.router_review:
            return followup
        if all(s.by == "dcx" for s in self._session.steps):  # dcx's own plan ran: it is done
            return ToolCall("finish", {"answer": self._summary() or self._why_unchanged()})
        return None

    def _why_unchanged(self) -> str:
        failed = [s for s in self._session.steps if not s.ok]
        if failed:
            return failed[-1].result.removeprefix("Error: ")
        return "the code model found nothing to change."

    def _summary(self) -> str:
        done = [f"{e.target} in {e.path}" for e in self._session.edits if e.changed]
        done += [f"renamed {s.arguments['old']} to {s.arguments['new']} in {s.arguments['path']}"
                 for s in self._session.steps if s.tool == "update_references" and s.ok]
        return "Changed " + "; ".join(dict.fromkeys(done)) + "." if done else ""

    def _followup_call(self) -> ToolCall | None:
        for old_name, new_name, path in self._removed_names():
            for user in self._users_of(old_name, path):
                key = (user, old_name)
                if key in self._session.followed_up:
                    continue
                self._session.followed_up.add(key)
                if new_name and imports_name(self._current(user) or "", user, path, old_name):
                    return ToolCall("update_references", {"path": user, "module": path,
                                                          "old": old_name, "new": new_name})
                what = f"renamed to {new_name}" if new_name else "removed"
                return ToolCall("generate_code", {
                    "path": user, "target": "file",
                    "instructions": f"{old_name} in {path} was {what}; update every use of "
                                    f"{old_name} in {user} to match."})
        return None

    def _removed_names(self) -> list[tuple[str, str | None, str]]:
        """Top-level Python definitions this session removed: (old name, new name or None, file)."""
        out = []
        for path, orig in self._session.originals.items():
            if orig is None or language_of(path) != "python":
                continue
            before = {s.name for s in python_symbols(orig.text) if "." not in s.name}
            after = {s.name for s in python_symbols(self._session.files[path]) if "." not in s.name}
            gone, added = sorted(before - after), sorted(after - before)
            for name in gone:
                out.append((name, added[0] if len(gone) == 1 and len(added) == 1 else None, path))
        return out

    def _users_of(self, name: str, module_path: str) -> list[str]:
        """Python files (as edited so far) that still use ``name`` without defining it."""
        users = []
        for path in self.workspace.files:
            if language_of(path) != "python":
                continue
            try:
                text = self._session.files.get(path) or self.workspace.read(path).text
            except PathError:
                continue
            if uses_name(text, name, path, module_path):
                users.append(path)
        return users

    def _record(self, call: ToolCall, result: str, ok: bool, by: str = "router") -> None:
        short = result if len(result) <= SHORT_RESULT else result[: SHORT_RESULT - 3] + "..."
        self._session.steps.append(Step(call.name, dict(call.arguments), short, ok, by))

    def _count(self, role: str, completion: Completion) -> None:
        self.tokens[role]["prompt"] += completion.prompt_tokens
        self.tokens[role]["evaluated"] += completion.evaluated
        self.tokens[role]["completion"] += completion.completion_tokens
        timing = self.model_seconds[role]
        timing["prompt"] += completion.prompt_seconds
        timing["generation"] += completion.generation_seconds
        timing["total"] += completion.seconds
        timing["calls"] += 1
        self.stage_seconds[f"{role} model"] += completion.seconds

    # -- tools -----------------------------------------------------------------------------

    def _execute_tool(self, call: ToolCall) -> tuple[str, bool]:
        """Run one validated tool call; failures become error results for the router."""
        args = call.arguments
        try:
            if call.name == "list_files":
                return list_files(self.workspace, args["pattern"]), True
            if call.name == "search":
                return search(self.workspace, args["query"]), True
            if call.name == "read_file":
                path = self.workspace.check_path(args["path"])
                return read_file(self.workspace, path, args["start"], args["end"],
                                 self._session.files.get(path)), True
            if call.name in ("generate_code", "create_file"):
                return self._execute_code_generation(call), True
            if call.name == "update_references":
                return self._update_references(call), True
            raise ToolCallError(f"unknown tool {call.name!r}")
        except (ToolCallError, PathError, CodeGenerationError) as exc:
            return f"Error: {exc}", False

    def _check_encodable(self, path: str, text: str) -> None:
        """A tool error when the file's encoding cannot carry ``text`` (a Latin-1 file cannot
        take every character a model writes); new files are UTF-8."""
        original = self._session.originals.get(path)
        if original is not None:
            try:
                check_encodable(text, original.encoding, path)
            except PathError as exc:
                raise ToolCallError(str(exc)) from None

    def _current(self, path: str) -> str | None:
        """The text of ``path`` as edited so far, reading it on first use; None if it is new."""
        if path not in self._session.files:
            if (self.workspace.root / path).exists():
                original = self.workspace.read(path)
                self._session.originals[path] = original
                self._session.files[path] = original.text
            else:
                return None
        return self._session.files[path]

    def _execute_code_generation(self, call: ToolCall) -> str:
        """Send one generate_code/create_file call to the code model; its edit is the result."""
        args = call.arguments
        path = self.workspace.check_path(args["path"])
        text = self._current(path)
        if call.name == "create_file":
            if text is not None:
                raise ToolCallError(f"{path} already exists; use generate_code to change it")
            if self.workspace.is_ignored(path):
                raise ToolCallError(f"{path} is ignored by git; choose another path")
            target = find_target(path, "", "file")
        else:
            if text is None:
                raise ToolCallError(f"{path} does not exist; use create_file for a new file")
            target = find_target(path, text, args["target"])
            if target is None:
                names = ", ".join(s.name for s in symbols_of(path, text)[:30]) or "none"
                raise ToolCallError(
                    f"no target {args['target']!r} in {path}; use a function or class name "
                    f"({names}), a line range like \"10-20\", or \"file\""
                )
        related = {p: self._current(p) or "" for p in (
            related_files(self._context, path, self._session.files) if self._context else {})}
        started, before = time.monotonic(), self.tokens["code"]["completion"]
        generating = self.model_seconds["code"]["generation"]
        hidden = self._hidden(path, text, target)
        anew = hidden is not None
        self.reporter.stage(f"code model: {target.name} in {path}"
                            + (", written anew (its body hidden)" if anew else ""))
        first_anew = anew and self._session.round == self.settings.rewrite_from_round
        writer = CodeWriter(self.coder, self.settings.code_retries, lambda c: self._count("code", c),
                            self._session.round, greedy=self._session.round == 0 or first_anew)
        hints = hints_for(self._context, path, target.name) if self._context else []
        tests = named_tests(self._context, path) if self._context else {}
        request = self._anew_request(target.name) if anew else self._code_request()
        edit = writer.rewrite(path, text, target, args["instructions"], request, related,
                              hints, tests, hidden=hidden)
        elapsed = time.monotonic() - started
        new_texts = {path: edit.new_text, **edit.others}
        for changed_path, new_text in new_texts.items():
            old_text = text if changed_path == path else related[changed_path]
            reason = destructive_reason(old_text or "", new_text) or removed_definitions_reason(
                changed_path, old_text or "", new_text, self._request.instruction)
            if reason and not self.settings.allow_deletions:
                raise ToolCallError(f"{reason} ({changed_path}); change a smaller target")
            self._check_encodable(changed_path, new_text)
        if text is None:
            self._session.originals[path] = None
        self._session.files.update(new_texts)
        self._session.edits.append(edit)
        written = self.tokens["code"]["completion"] - before
        generated = self.model_seconds["code"]["generation"] - generating
        speed = f", {written / generated:.1f} tokens/s while generating" if generated > 0 else ""
        self.reporter.stage(f"code model wrote {target.name}: {written} tokens in {elapsed:.1f}s{speed}")
        if not edit.changed:
            return f"The code model left {target.name} in {path} unchanged."
        changes = [FileChange(path, text, edit.new_text)] + [
            FileChange(p, related[p], t) for p, t in edit.others.items()]
        diff = self._patch(changes)
        return (f"Changed {target.name} in {path}:\n{diff}\nIf this completes the request, "
                "call finish; otherwise change the next target.")

    def _update_references(self, call: ToolCall) -> str:
        """dcx's own rename of an imported name in one file (no model involved)."""
        args = call.arguments
        path = self.workspace.check_path(args["path"])
        text = self._current(path) or ""
        renamed = rename_references(text, path, args["module"], args["old"], args["new"])
        if renamed is None or renamed == text:
            raise ToolCallError(f"{path} does not import {args['old']} from {args['module']}")
        self._check_encodable(path, renamed)
        self._session.files[path] = renamed
        self.reporter.stage(f"renamed {args['old']} to {args['new']} in {path}")
        return f"Renamed {args['old']} to {args['new']} in {path}:\n" + build_patch(
            [FileChange(path, text, renamed)])

    def _models(self) -> dict[str, dict[str, str]]:
        return {"router": self.router.describe(), "code": self.coder.describe()}


def _echoes(answer: str, instruction: str) -> bool:
    """A tiny router often 'answers' by repeating the request; that tells the user nothing."""
    return not answer or answer.strip().rstrip(".").lower() == instruction.strip().rstrip(".").lower()


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


__all__ = ["LocalCodingHandler", "Request", "Result", "Step", "DcxError"]
