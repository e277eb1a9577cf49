"""The code model client: prompt for one target, take the code out of the reply, splice it into
the file in memory, validate, and retry with the error a bounded number of times."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from typing import Callable

from dcx.backends.base import Backend, Completion, Message
from dcx.config import CODE_SYSTEM
from dcx.errors import CodeGenerationError
from dcx.patch import split_lines
from dcx.targets import Target, language_of, python_symbols

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


def extract_code(reply: str) -> str:
    """The code in a reply: its first fenced block, or the reply itself when it has none."""
    match = _FENCE.search(reply)
    code = match.group(1) if match else reply
    return code.strip("\n")


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


def _python_pick(code: str, target: Target, file_text: str) -> tuple[str, list[str]]:
    """From a Python reply keep the target's definition; return it and any new import lines."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        try:
            tree = ast.parse(reindent(code, ""))
            code = reindent(code, "")
        except SyntaxError:
            return code, []
    short = target.name.rsplit(".", 1)[-1]
    lines = code.split("\n")
    imports = [
        ast.get_source_segment(code, node) or ""
        for node in tree.body
        if isinstance(node, (ast.Import, ast.ImportFrom))
    ]
    existing = set(line.strip() for line in split_lines(file_text))
    new_imports = [i for i in imports if i and i.strip() not in existing]
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == short:
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            return "\n".join(lines[first - 1 : node.end_lineno]), new_imports
    return code, new_imports


def merge_definitions(file_text: str, code: str, newline: str) -> str | None:
    """Apply a whole-file Python reply definition by definition: each top-level function or class
    in the reply replaces the one of the same name, new ones go before the first replaced one,
    new imports go with the imports; everything else in the file (docstrings, comments, other
    code) stays as it was. None when the reply redefines nothing the file has."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    existing = {s.name: s for s in python_symbols(file_text) if "." not in s.name}
    reply_lines = code.split("\n")
    replaced, added = [], []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            segment = "\n".join(reply_lines[first - 1 : node.end_lineno])
            if node.name in existing:
                replaced.append((existing[node.name], segment))
            else:
                added.append(segment)
    if not replaced:
        return None
    result = file_text
    for symbol, segment in sorted(replaced, key=lambda item: -item[0].start):
        target = Target(symbol.name, symbol.kind, symbol.start, symbol.end, "")
        result = splice(result, target, segment, newline, python=False)
    if added:
        first = min(symbol.start for symbol, _ in replaced)
        lines = split_lines(result)
        block = "".join(segment.replace("\n", newline) + newline * 3 for segment in added)
        result = "".join(lines[:first]) + block + "".join(lines[first:])
    _, imports = _python_pick(code, Target("", "file", 0, 0, ""), file_text)
    if imports:
        result = _add_imports(result, imports, newline)
    return result


def splice(file_text: str, target: Target, code: str, newline: str, python: bool) -> str:
    """Put ``code`` in place of the target, keeping the file's line endings and final newline."""
    if python and target.kind == "file" and file_text.strip():
        merged = merge_definitions(file_text, code, newline)
        if merged is not None:
            return merged
    lines = split_lines(file_text)
    new_imports: list[str] = []
    if python and target.kind in ("function", "class"):
        code, new_imports = _python_pick(code, target, file_text)
    if target.kind != "file":
        code = reindent(code, target.indent)
    replaced = "".join(lines[target.start : target.end])
    body = code.replace("\r\n", "\n").replace("\n", newline)
    if body and (replaced.endswith("\n") or target.end < len(lines) or not replaced):
        body += newline
    if target.kind == "file" and not lines:
        body = body if body.endswith(newline) else body + newline
    head, tail = "".join(lines[: target.start]), "".join(lines[target.end :])
    if new_imports:
        head = _add_imports(head, new_imports, newline)
    return head + body + tail


def _add_imports(head: str, imports: list[str], newline: str) -> str:
    lines = split_lines(head)
    last_import = max(
        (i for i, line in enumerate(lines) if re.match(r"(import|from)\s+\w", line)), default=-1
    )
    block = "".join(i + newline for i in imports)
    at = last_import + 1
    return "".join(lines[:at]) + block + "".join(lines[at:])


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


RETRY_TEMPERATURE = 0.7  # Qwen2.5-Coder's recommended sampling, for tries after a failed one


class CodeWriter:
    """Writes one target. The first try of the first round is greedy; every later try (a retry
    after invalid or unchanged code, or a new round after failing tests) samples at
    RETRY_TEMPERATURE with a fixed seed, so a retry can differ and a run stays repeatable."""

    def __init__(self, backend: Backend, retries: int, on_completion: Callable[[Completion], None],
                 round_number: int = 0) -> None:
        self.backend = backend
        self.retries = retries
        self._on_completion = on_completion
        self._round = round_number

    def _prompt(self, path: str, file_text: str, target: Target, instructions: str, request: str) -> str:
        lines = split_lines(file_text)
        language = language_of(path)
        if target.kind == "file":
            shown = f"Current content of {path}:\n```{language}\n{file_text.rstrip()}\n```\n" if lines else ""
            what = f"the complete new content of {path}"
        else:
            if len(lines) <= SMALL_FILE_LINES:
                context = file_text
            else:
                before = "".join(lines[max(0, target.start - CONTEXT_BEFORE) : target.start])
                after = "".join(lines[target.end : target.end + CONTEXT_AFTER])
                context = before + "".join(lines[target.start : target.end]) + after
            shown = (
                f"File {path}:\n```{language}\n{context.rstrip()}\n```\n\n"
                f"The code to rewrite ({target.name}, lines {target.start + 1}-{target.end}):\n"
                f"```{language}\n{target.text(lines).rstrip()}\n```\n"
            )
            what = f"the complete new version of {target.name}"
        note = "" if instructions.strip() == request.strip() else f"\nPlanner's note: {instructions}"
        return (
            f"{shown}\nThe user's request (a bug report means: fix the bug): {request}{note}\n\n"
            f"Reply with {what} in one ```{language} block."
        )

    def rewrite(
        self, path: str, file_text: str | None, target: Target, instructions: str, request: str
    ) -> CodeEdit:
        old = file_text or ""
        newline = "\r\n" if "\r\n" in old else "\n"
        python = language_of(path) == "python"
        messages: list[Message] = [
            {"role": "system", "content": CODE_SYSTEM},
            {"role": "user", "content": self._prompt(path, old, target, instructions, request)},
        ]
        budget = min(2048, 300 + 20 * (target.end - target.start))
        last_problem = ""
        for attempt in range(1, self.retries + 2):
            greedy = self._round == 0 and attempt == 1
            completion = self.backend.chat(
                list(messages), max_tokens=budget,
                temperature=0.0 if greedy else RETRY_TEMPERATURE, seed=100 * self._round + attempt)
            self._on_completion(completion)
            code = extract_code(completion.text)
            new = splice(old, target, code, newline, python)
            problem = validate(path, new)
            if problem is None and not python and _brace_balance(new) != _brace_balance(old):
                problem = "the brackets in the code do not balance"
            if problem is None and new == old and attempt <= self.retries:
                problem = "your code is identical to the original, so nothing was changed"
            if problem is None:
                return CodeEdit(path, target.name, file_text, new, attempt, new != old)
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
