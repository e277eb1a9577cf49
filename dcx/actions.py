"""Carry out one tool call on a session: the read-only tools, the code model's edits (checked by
the guards before they count), and dcx's own renames of imported names."""

from __future__ import annotations

import time
from typing import Mapping

from dcx import prompts
from dcx.asked_messages import invented_message_reason
from dcx.backends import Backend
from dcx.codegen import CodeEdit, CodeWriter
from dcx.context import Context
from dcx.degenerate import empty_definitions_reason
from dcx.encoding import check_encodable
from dcx.errors import CodeGenerationError, PathError
from dcx.findings import findings
from dcx.guards import (
    collateral_reason,
    destructive_reason,
    interface_reason,
    own_config_reason,
    removed_definitions_reason,
)
from dcx.import_repair import repair_imports
from dcx.kept_decorators import with_decorators_kept
from dcx.localize import named_identifiers, stubs_in
from dcx.patch import FileChange, build_patch
from dcx.plan import named_tests, related_files
from dcx.progress import Reporter
from dcx.prompts import NO_VIEW, View
from dcx.rename import rename_references
from dcx.scope import excerpt, hints_for
from dcx.session import Session
from dcx.settings import Settings
from dcx.shape import as_properties
from dcx.static_check import Problem, new_problems
from dcx.syntax import TOO_DEEP, nests_too_deep
from dcx.targets import Target, changed_definitions, find_target, hide_body, language_of, symbols_of
from dcx.tools import ToolCall, ToolCallError, list_files, read_file, search
from dcx.usage import Usage


class Actions:
    """The tools of one attempt; every failure becomes an error result for the router."""

    def __init__(self, settings: Settings, session: Session, context: Context, coder: Backend,
                 usage: Usage, reporter: Reporter) -> None:
        self.settings = settings
        self.session = session
        self.workspace = session.workspace
        self.context = context
        self.coder = coder
        self.usage = usage
        self.reporter = reporter

    def execute(self, call: ToolCall) -> tuple[str, bool]:
        """Run one validated tool call: (result text, whether it worked)."""
        args = call.arguments
        try:
            if call.name == "list_files":
                return list_files(self.workspace, args["pattern"]), True
            if call.name == "search":
                return search(self.workspace, args["query"]), True
            if call.name == "read_file":
                path = self.workspace.check_path(args["path"])
                return read_file(self.workspace, path, args["start"], args["end"],
                                 self.session.files.get(path)), True
            if call.name in ("generate_code", "create_file"):
                return self._code_generation(call), True
            if call.name == "update_references":
                return self._update_references(call), True
            raise ToolCallError(f"unknown tool {call.name!r}")
        except (ToolCallError, PathError, CodeGenerationError) as exc:
            return f"Error: {exc}", False

    # -- the code model ------------------------------------------------------------------------

    def _target(self, call: ToolCall, path: str, text: str | None) -> Target:
        if call.name == "create_file":
            if text is not None:
                raise ToolCallError(f"{path} already exists; use generate_code to change it")
            if self.workspace.is_ignored(path):
                raise ToolCallError(f"{path} is ignored by git; choose another path")
            return find_target(path, "", "file")
        if text is None:
            raise ToolCallError(f"{path} does not exist; use create_file for a new file")
        target = find_target(path, text, call.arguments["target"])
        if target is None:
            names = ", ".join(s.name for s in symbols_of(path, text)[:30]) or "none"
            raise ToolCallError(
                f"no target {call.arguments['target']!r} in {path}; use a function or class name "
                f"({names}), a line range like \"10-20\", or \"file\"")
        return target

    def _rewrite_round(self) -> bool:
        start = self.settings.rewrite_from_round
        return self.session.feedback is not None and 0 < start <= self.session.round

    def _known_wrong(self) -> bool:
        """A test failed on the code as it is: before any change, or after an attempt."""
        baseline = self.session.baseline
        return self.session.feedback is not None or (baseline is not None and not baseline.check.passed)

    def _narrowed(self, call: ToolCall, path: str, text: str | None, target: Target,
                  after_copy: bool = False) -> Target:
        """A whole Python file narrowed to the function of it that the plan looks at first (else
        its only function), in a round that writes a function anew (a function's body can be
        hidden, a file's cannot) or ``after_copy`` (the file came back unchanged); else
        ``target`` itself."""
        if target.kind != "file" or text is None or language_of(path) != "python" \
                or not (after_copy or self._rewrite_round()):
            return target
        functions = [s.name for s in symbols_of(path, text) if s.kind == "function"]
        focus = [f.rsplit(" in ", 1)[0] for f in call.arguments.get("focus", ()) if f.endswith(f" in {path}")]
        stubs = _stubs(path, text)
        alone = stubs[0] if stubs else functions[0] if len(functions) == 1 else None
        chosen = next((n for n in focus if n in functions), alone)
        return find_target(path, text, chosen) or target if chosen else target

    def _hidden(self, path: str, text: str | None, target: Target) -> str | None:
        """The file with the target's body hidden when this round writes it anew: from round
        ``rewrite_from_round`` on, for a Python function; else None. Shown the buggy body, a
        small model keeps it."""
        if not self._rewrite_round() or language_of(path) != "python" or text is None:
            return None
        return hide_body(text, target)

    def _code_request(self, target: Target, anew: bool) -> str:
        instruction, feedback = self.session.request.instruction, self.session.feedback
        baseline = self.session.baseline
        if feedback is None:
            if baseline is not None and not baseline.check.passed:
                return instruction + prompts.failing_now(baseline.check.output)
            return instruction
        if anew:
            return prompts.anew_request(instruction, target.name, feedback.output)
        return prompts.code_request(instruction, feedback.previous, feedback.output,
                                    feedback.restarted)

    def _code_generation(self, call: ToolCall) -> str:
        """Send one generate_code/create_file call to the code model; its edit is the result."""
        path = self.workspace.check_path(call.arguments["path"])
        text = self.session.current(path)
        target = self._narrowed(call, path, text, self._target(call, path, text))
        related, view = self._view(call, path)
        started, before = time.monotonic(), self.usage.tokens["code"]["completion"]
        generating = self.usage.model_seconds["code"]["generation"]
        # A small model shown a whole file it does not know how to change copies it, or rewrites
        # what it should leave; shown the one function the plan looks at first (``narrower``),
        # it has to write that function. Only when a test shows the code is wrong (before the
        # change, or after an attempt) or a module of stubs is yet to be written (then its first
        # stub, and the follow-ups write the others): else an unchanged file may be the right answer.
        unwritten = text is not None and bool(_stubs(path, text))
        narrower = self._narrowed(call, path, text, target, after_copy=self._known_wrong() or unwritten)
        try:
            edit = self._write(call, path, text, target, related, view)
        except CodeGenerationError:
            if narrower is target:
                raise
            edit, target = self._write(call, path, text, narrower, related, view, prompts.NOT_YET), narrower
        else:
            if not edit.changed and narrower is not target:
                try:
                    edit, target = self._write(call, path, text, narrower, related, view,
                                               prompts.NOT_YET), narrower
                except CodeGenerationError:
                    pass  # the file as it was stands: nothing changed
        new_texts = {path: edit.new_text, **edit.others}
        if text is None:
            self.session.originals[path] = None
        self.session.files.update(new_texts)
        self.session.edits.append(edit)
        self._report_speed(target, time.monotonic() - started, before, generating)
        if not edit.changed:
            return f"The code model left {target.name} in {path} unchanged."
        changes = [FileChange(path, text, edit.new_text)] + [
            FileChange(p, related[p], t) for p, t in edit.others.items()]
        what = "; ".join(f"{changed_definitions(c.path, c.old or '', c.new) or 'changed'} in {c.path}"
                         for c in changes if c.old != c.new)
        return (f"{what[:1].upper()}{what[1:]}:\n{build_patch(changes)}\nIf this completes the "
                "request, call finish; otherwise change the next target.")

    def _write(self, call: ToolCall, path: str, text: str | None, target: Target,
               related: Mapping[str, str], view: View, warning: str = "") -> CodeEdit:
        """One target written by the code model (its body hidden in a round that writes anew),
        each reply reviewed."""
        hidden = self._hidden(path, text, target)
        anew = hidden is not None
        self.reporter.stage(f"code model: {target.name} in {path}"
                            + (", written anew (its body hidden)" if anew else ""))
        round_number = self.session.round
        first_anew = anew and round_number == self.settings.rewrite_from_round
        writer = CodeWriter(self.coder, self.settings.code_retries,
                            lambda c: self.usage.count("code", c), self.settings.context_tokens,
                            round_number, greedy=round_number == 0 or first_anew)
        shown = {path: text or "", **related}
        return writer.rewrite(path, text, target, call.arguments["instructions"],
                              self._code_request(target, anew) + warning, related,
                              hints_for(self.context, path, target.name),
                              named_tests(self.context, path), hidden=hidden, view=view,
                              review=lambda changed: self._review(changed, shown, self._allowed(
                                  call, path, text or "", target)),
                              repair=lambda p, t: self._repair(p, t, shown.get(p, "")),
                              advice=lambda changed: invented_message_reason(
                                  changed, shown, self._project(), self.session.request.instruction))

    def _repair(self, path: str, text: str, old: str) -> str:
        """What dcx mends in a reply itself rather than asking again: decorators left off, a
        property the request asked for, imports forgotten."""
        request = self.session.request.instruction
        kept = with_decorators_kept(path, text, old, request)
        return repair_imports(path, as_properties(path, kept, old, request), self._project())

    def _view(self, call: ToolCall, path: str) -> tuple[dict[str, str], View]:
        """The files the code model may change beside ``path`` (path -> text), and what else it
        is shown: the scope dcx planned (dcx.scope), or the related files of the context."""
        args = call.arguments
        if "related" not in args:
            return {p: self.session.current(p) or "" for p in
                    related_files(self.context, path, self.session.files)}, NO_VIEW
        related = {p: self.session.current(p) or "" for p in args["related"] if p != path}
        reference = {p: self.session.current(p) or "" for p in
                     (*args.get("read_only", ()), *args.get("tests", {})) if p != path}
        shown = {**args.get("excerpts", {}), **args.get("tests", {})}
        excerpts = {p: excerpt(p, related.get(p) or reference.get(p) or "", tuple(names))
                    for p, names in shown.items() if names}
        focus = tuple(args.get("focus", ()))
        return related, View(excerpts, reference, focus, self._findings(focus, {path, *related}))

    def _findings(self, focus: tuple[str, ...], editable: set[str]) -> tuple[str, ...]:
        """Known bug patterns in the definitions to look at first ("name in path") that the
        reply may change: a file shown for reference only (QuixBugs' node.py, whose Node shares
        its default lists) is not where the cause is to be fixed."""
        names: dict[str, set[str]] = {}
        for entry in focus:
            name, _, path = entry.rpartition(" in ")
            if name and path in editable and language_of(path) == "python":
                names.setdefault(path, set()).add(name)
        return tuple(str(f) for path, wanted in names.items()
                     for f in findings(path, self.session.current(path) or "", wanted))

    def _review(self, changed: Mapping[str, str], before: Mapping[str, str],
                allowed: set[str]) -> str | None:
        """What is wrong with a reply's changed files, for the code model to fix in its next
        try: gutting a file, deleting or altering code nobody asked to change, a looping pile of
        empty definitions, characters the file's encoding cannot carry, new static problems."""
        request = self.session.request.instruction
        for path, new in changed.items():
            old = before.get(path, "")
            if language_of(path) == "python" and (nests_too_deep(old) or nests_too_deep(new)):
                # the checks below walk trees by recursion: what they cannot check is refused
                return f"{TOO_DEEP} ({path})" if len(changed) > 1 else TOO_DEEP
            reason = own_config_reason(path, old, new)  # whatever the user allows
            if reason is None and not self.settings.allow_deletions:
                reason = (destructive_reason(old, new) or removed_definitions_reason(path, old, new, request)
                          or interface_reason(path, old, new, request))
            reason = reason or empty_definitions_reason(old, new, request) \
                or collateral_reason(path, old, new, allowed, request) or self._unencodable(path, new)
            if reason:
                return f"{reason} ({path})" if len(changed) > 1 else reason
        # other files' imports of a renamed name are followed up after this edit, then checked
        found = new_problems(changed, {p: t for p, t in before.items() if t}, self._project(),
                             importers=False, request=request)
        if found:
            listed = "; ".join(str(p) for p in found[:4])
            return f"the change brings new problems: {listed}"
        return None

    def final_problems(self, changes: tuple[FileChange, ...]) -> list[Problem]:
        """New static problems of the attempt's whole change, in every project file: after the
        follow-ups, a name other files import must still be there."""
        changed = {c.path: c.new for c in changes}
        before = {c.path: c.old for c in changes if c.old is not None}
        project = {**self._project(), **before}
        return new_problems(changed, before, project, request=self.session.request.instruction)

    def _allowed(self, call: ToolCall, path: str, text: str, target: Target) -> set[str]:
        """The definitions this edit may change freely: those of dcx's plan (dcx.scope), or
        its target (a whole file: all of the file's; a class: its methods the request names)."""
        if "editable" in call.arguments:  # a function narrowed to (see _narrowed) is the edit's own
            return set(call.arguments["editable"]) | ({target.name} if target.kind == "function" else set())
        if target.kind == "file":
            allowed = {s.name for s in symbols_of(path, text)}
        elif target.kind == "class":  # its methods the request names; the others may only grow
            named = named_identifiers(self.session.request.instruction)
            allowed = {s.name for s in symbols_of(path, text)
                       if s.name.startswith(target.name + ".") and s.name.rsplit(".", 1)[-1] in named}
        else:
            allowed = {target.name}
        return allowed

    def _project(self) -> dict[str, str]:
        """The repository's Python files as this attempt has them, to resolve imports."""
        texts = {f.path: f.text for f in self.context.ranked if language_of(f.path) == "python"}
        texts.update({p: t for p, t in self.session.files.items() if language_of(p) == "python"})
        return texts

    def _unencodable(self, path: str, text: str) -> str | None:
        try:
            self._check_encodable(path, text)
        except ToolCallError as exc:
            return str(exc)
        return None

    def _report_speed(self, target: Target, elapsed: float, before: int, generating: float) -> None:
        written = self.usage.tokens["code"]["completion"] - before
        generated = self.usage.model_seconds["code"]["generation"] - generating
        speed = f", {written / generated:.1f} tokens/s while generating" if generated > 0 else ""
        self.reporter.stage(f"code model wrote {target.name}: {written} tokens in {elapsed:.1f}s{speed}")

    def _check_encodable(self, path: str, text: str) -> None:
        """A tool error when the file's encoding cannot carry ``text`` (a Latin-1 file cannot
        take every character a model writes); new files are UTF-8."""
        original = self.session.originals.get(path)
        if original is not None:
            try:
                check_encodable(text, original.encoding, path)
            except PathError as exc:
                raise ToolCallError(str(exc)) from None

    # -- dcx's own edits -----------------------------------------------------------------------

    def _update_references(self, call: ToolCall) -> str:
        """dcx's own rename of an imported name in one file (no model involved)."""
        args = call.arguments
        path = self.workspace.check_path(args["path"])
        text = self.session.current(path) or ""
        renamed = rename_references(text, path, args["module"], args["old"], args["new"])
        if renamed is None or renamed == text:
            raise ToolCallError(f"{path} does not import {args['old']} from {args['module']}")
        self._check_encodable(path, renamed)
        self.session.files[path] = renamed
        self.reporter.stage(f"renamed {args['old']} to {args['new']} in {path}")
        return f"Renamed {args['old']} to {args['new']} in {path}:\n" + build_patch(
            [FileChange(path, text, renamed)])


def _stubs(path: str, text: str) -> list[str]:
    """The stubs of a Python module of several (functions that do nothing yet), in file order;
    [] for any other file."""
    if language_of(path) != "python":
        return []
    stubs = stubs_in(text)
    return stubs if len(stubs) >= 2 else []
