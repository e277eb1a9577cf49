"""The code model client: prompt for one target, take the code out of the reply, splice it into
the file in memory, validate, and retry with the error a bounded number of times."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from dcx.backends.base import Backend, ChatRequest, Completion, Message
from dcx.prompts import CODE_SYSTEM
from dcx.errors import CodeGenerationError
from dcx.patch import dominant_ending, ending_near, split_lines
from dcx.merge import ReplyError, merge_reply
from dcx.targets import Target, generic_symbols, language_of

SMALL_FILE_LINES = 150
CONTEXT_BEFORE = 40
CONTEXT_AFTER = 15
_FENCE = re.compile(r"```[\w+#.-]*[ \t]*\n(.*?)(?:```|\Z)", re.S)
_CONFLICT = re.compile(r"^(<<<<<<<|>>>>>>>|=======)( |$)", re.M)


@dataclass(frozen=True)
class CodeEdit:
    path: str
    target: str
    old_text: str | None  # None for a new file
    new_text: str
    attempts: int
    changed: bool
    others: Mapping[str, str] = field(default_factory=dict)  # related files changed: path -> text
    rewritten: bool = False  # written anew from the signature, its old body hidden


def extract_code(reply: str, every_block: bool = False) -> str:
    """The code in a reply: its first fenced block (with ``every_block``, all its untagged or
    Python blocks joined), or the reply itself when it has none."""
    blocks = list(_FENCE.finditer(reply))
    if not blocks:
        return reply.strip("\n")
    if every_block:
        chosen = [b.group(1).strip("\n") for b in blocks
                  if b.group(0)[3:].split("\n", 1)[0].strip().lower() in ("", "python", "py", "python3")]
        if len(chosen) > 1:
            return "\n\n\n".join(chosen)
    return blocks[0].group(1).strip("\n")


def _leading(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def reindent(code: str, indent: str) -> str:
    """Shift ``code`` so its first non-blank line starts at ``indent``."""
    lines = code.split("\n")
    first = next((line for line in lines if line.strip()), "")
    current = _leading(first)
    out = []
    for line in lines:
        if not line.strip():
            out.append("")
        elif line.startswith(current):
            out.append(indent + line[len(current):])
        else:
            out.append(indent + line.lstrip(" \t"))
    return "\n".join(out)


def replace_target(file_text: str, target: Target, code: str, newline: str) -> str:
    """Put ``code`` in place of the target, keeping the file's line endings and final newline."""
    lines = split_lines(file_text)
    if target.kind != "file":
        code = reindent(code, target.indent)
    replaced = "".join(lines[target.start : target.end])
    body = code.replace("\r\n", "\n").replace("\n", newline)
    if body and (replaced.endswith("\n") or target.end < len(lines) or not replaced):
        body += newline
    if target.kind == "file" and not lines:
        body = body if body.endswith(newline) else body + newline
    return "".join(lines[: target.start]) + body + "".join(lines[target.end :])


def apply_reply(path: str, files: Mapping[str, str], target: Target, code: str) -> dict[str, str]:
    """The new text of each file the reply changes (``files[path]`` is the target's file; the
    others are related files a Python reply may also change). Python replies are placed by
    definition name (see dcx.merge; ReplyError when one cannot be); anything else replaces the
    target."""
    text = files.get(path, "")
    newline = ending_near(split_lines(text), target.start, dominant_ending(text))
    if language_of(path) == "python" and text.strip():
        python_files = {p: t for p, t in files.items() if p == path or language_of(p) == "python"}
        merged = merge_reply(code, python_files, path, target)
        if merged is not None:  # {} when every definition is as it was: no change
            return merged
    if target.kind in ("block", "function", "class"):
        blocks = [b for b in generic_symbols(code) if b.name == target.name.rsplit(".", 1)[-1]]
        if blocks:  # a reply with more than the target: keep the target's own block
            code = "".join(split_lines(code)[blocks[0].start : blocks[0].end]).rstrip("\n")
    new = replace_target(text, target, code, newline)
    return {path: new} if new != text else {}


def splice(file_text: str, target: Target, code: str, newline: str, python: bool) -> str:
    """The file with the reply applied (one file only)."""
    path = "code.py" if python else "code.txt"
    if python and file_text.strip():
        try:
            merged = merge_reply(code, {path: file_text}, path, target)
        except ReplyError:
            return file_text
        if merged is not None:
            return merged.get(path, file_text)
    return replace_target(file_text, target, code, newline)


def validate(path: str, text: str) -> str | None:
    """Why ``text`` is not acceptable for ``path``, or None when it is."""
    if not text.strip():
        return "the result is empty"
    conflict = _CONFLICT.search(text)
    if conflict:
        return f"the code contains a merge-conflict marker ({conflict.group(1)})"
    language = language_of(path)
    if language == "python":
        try:
            ast.parse(text)
        except SyntaxError as exc:
            return f"SyntaxError: {exc.msg} (line {exc.lineno})"
    elif language == "json":
        try:
            json.loads(text)
        except ValueError as exc:
            return f"invalid JSON: {exc}"
    return None


def _brace_balance(text: str) -> int:
    code = re.sub(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|`[^`]*`)", "", text)
    return code.count("{") - code.count("}") + code.count("(") - code.count(")")


NOT_YET = ("\nNote: the code as shown does not do this yet, so a reply that repeats it unchanged "
           "is wrong.")
RETRY_TEMPERATURE = 0.7  # Qwen2.5-Coder's recommended sampling, for tries after a failed one


class CodeWriter:
    """Writes one target (and, in Python, whatever else of the shown files the reply redefines).

    The first try of the first round (or of a round whose prompt is new, ``greedy``) is greedy;
    every later try (a retry after invalid or unchanged code, or a new round after failing
    tests) samples at RETRY_TEMPERATURE with a fixed seed, so a retry can differ and a run stays
    repeatable."""

    def __init__(self, backend: Backend, retries: int, on_completion: Callable[[Completion], None],
                 round_number: int = 0, greedy: bool | None = None) -> None:
        self.backend = backend
        self.retries = retries
        self._on_completion = on_completion
        self._round = round_number
        self._greedy = round_number == 0 if greedy is None else greedy

    def _prompt(self, path: str, file_text: str, target: Target, instructions: str, request: str,
                related: Mapping[str, str], hints: Sequence[tuple[str, str]],
                tests: Mapping[str, str], warning: str = "", hidden: str | None = None) -> str:
        if hidden is not None:  # the target's body is hidden: shown its signature only
            target = Target(target.name, target.kind, target.start, target.end - (
                len(split_lines(file_text)) - len(split_lines(hidden))), target.indent)
            file_text = hidden
        lines = split_lines(file_text)
        language = language_of(path)
        python = language == "python"
        shown = "".join(f"File {p} (tests, for reference; not to be changed):\n"
                        f"```{language_of(p)}\n{t.rstrip()}\n```\n\n" for p, t in tests.items())
        shown += "".join(f"File {p}:\n```{language_of(p)}\n{t.rstrip()}\n```\n\n"
                         for p, t in related.items())
        if target.kind == "file":
            if lines:
                shown += f"File {path}:\n```{language}\n{file_text.rstrip()}\n```\n"
                what = ("the complete new version of each function or class you change or add"
                        if python else f"the complete new content of {path}")
            else:
                what = f"the complete content of the new file {path}"
            focus = ""
        else:
            if len(lines) <= SMALL_FILE_LINES:
                context = file_text
            else:
                before = "".join(lines[max(0, target.start - CONTEXT_BEFORE) : target.start])
                after = "".join(lines[target.end : target.end + CONTEXT_AFTER])
                context = before + "".join(lines[target.start : target.end]) + after
            shown += f"File {path}:\n```{language}\n{context.rstrip()}\n```\n"
            if target.kind == "lines":
                shown += (f"\nThe code to change ({target.name}):\n"
                          f"```{language}\n{target.text(lines).rstrip()}\n```\n")
                focus = ""
            else:
                focus = f"\nThe code to change is {target.name} in {path}."
            what = f"the complete new version of {target.name}"
            if python:
                what += ", and of any other function or class you change or add"
        if hidden is not None:
            return (f"{shown}\nRequest: {request}{warning}\n\n"
                    f"Reply with the complete new version of {target.name}, in one ```{language} block.")
        if hints:
            names = ", ".join(f"{name} in {p}" for p, name in hints)
            focus += f"\nThe request {'also ' if focus else ''}names: {names}."
        note = "" if instructions.strip() == request.strip() else f"\nPlanner's note: {instructions}"
        return (
            f"{shown}\nRequest (a bug report means: fix the bug): {request}{warning}{note}{focus}\n\n"
            f"Reply with {what}, in one ```{language} block."
        )

    def rewrite(
        self, path: str, file_text: str | None, target: Target, instructions: str, request: str,
        related: Mapping[str, str] | None = None, hints: Sequence[tuple[str, str]] = (),
        tests: Mapping[str, str] | None = None, hidden: str | None = None,
    ) -> CodeEdit:
        """The target rewritten by the code model. ``related`` files are shown and may change
        too; ``tests`` are shown for reference only: definitions of theirs in a reply are dropped.
        With ``hidden`` (the file with the target function's body hidden, dcx.targets.hide_body)
        the model sees that instead, and writes the function again from its signature and
        docstring, the request and the tests."""
        old = file_text or ""
        related = dict(related or {})
        tests = {p: t for p, t in (tests or {}).items() if p != path and p not in related}
        files = {path: old, **related, **tests}
        def first_messages(warning: str = "") -> list[Message]:
            return [{"role": "system", "content": CODE_SYSTEM},
                    {"role": "user", "content": self._prompt(path, old, target, instructions, request,
                                                             related, hints, tests, warning,
                                                             hidden)}]

        messages = first_messages()
        size = len(split_lines(old)) if target.kind == "file" else target.end - target.start
        budget = min(2048, 300 + 20 * size)
        last_problem = ""
        identical = 0  # an unchanged reply is retried once, afresh: a second one rarely differs
        for attempt in range(1, self.retries + 2):
            greedy = self._greedy and attempt == 1
            completion = self.backend.chat(ChatRequest(
                tuple(messages), budget, temperature=0.0 if greedy else RETRY_TEMPERATURE,
                seed=100 * self._round + attempt))
            self._on_completion(completion)
            code = extract_code(completion.text, every_block=language_of(path) == "python")
            try:
                changed = apply_reply(path, files, target, code)
                changed = {p: t for p, t in changed.items() if p not in tests}
                problem = self._problem(files, changed)
            except ReplyError as exc:
                changed, problem = {}, str(exc)
            if problem is None and not changed and attempt <= self.retries and not identical:
                # Asked again from the start, told that a copy is wrong: shown its own unchanged
                # copy in the conversation, a small model copies it once more (measured:
                # QuixBugs first attempt 12/40 that way, 14/40 this way).
                identical += 1
                messages = first_messages(NOT_YET)
                continue
            if problem is None:
                new = changed.get(path, old)
                others = {p: t for p, t in changed.items() if p != path}
                return CodeEdit(path, target.name, file_text, new, attempt, bool(changed), others,
                                hidden is not None)
            last_problem = problem
            messages += [
                {"role": "assistant", "content": completion.text},
                {"role": "user", "content": f"That is not usable: {problem}. Reply again with "
                 f"the complete corrected code in one code block. Change: {instructions}"},
            ]
        raise CodeGenerationError(
            f"the code model gave no valid code for {target.name} in {path} after "
            f"{self.retries + 1} tries (last problem: {last_problem})"
        )

    @staticmethod
    def _problem(files: Mapping[str, str], changed: Mapping[str, str]) -> str | None:
        for changed_path, new in changed.items():
            old = files.get(changed_path, "")
            problem = validate(changed_path, new)
            if problem is None and language_of(changed_path) != "python" \
                    and _brace_balance(new) != _brace_balance(old):
                problem = "the brackets in the code do not balance"
            if problem is not None:
                return problem if len(changed) == 1 else f"{changed_path}: {problem}"
        return None
