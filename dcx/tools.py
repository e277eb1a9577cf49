"""The router's fixed tool set: JSON schemas for sampling, validation, and the read-only tools."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Mapping

import git

from dcx.encoding import decode, output_text
from dcx.errors import PathError
from dcx.lines import numbered
from dcx.patch import split_lines
from dcx.workspace import Workspace

MAX_ENUM_PATHS = 400  # above this many files, paths are free strings (checked after sampling)
MAX_LISTED = 60
MAX_SEARCH_HITS = 40
MAX_READ_LINES = 200


class ToolCallError(Exception):
    """A tool call that cannot be run; the message goes back to the router as the result."""


@dataclass(frozen=True)
class ToolCall:
    name: str
    arguments: Mapping[str, Any] = field(default_factory=dict)


# name -> (argument name -> JSON type); every argument is required
TOOL_ARGUMENTS: dict[str, dict[str, str]] = {
    "list_files": {"pattern": "string"},
    "search": {"query": "string"},
    "read_file": {"path": "path", "start": "integer", "end": "integer"},
    "generate_code": {"path": "path", "target": "target", "instructions": "string"},
    "create_file": {"path": "string", "instructions": "string"},
    "finish": {"answer": "string"},
}


def _arg_schema(kind: str, paths: tuple[str, ...], targets: tuple[str, ...]) -> dict[str, Any]:
    if kind == "target" and targets:
        return {"anyOf": [{"type": "string", "enum": list(targets)},
                          {"type": "string", "pattern": "^[0-9]{1,5}-[0-9]{1,5}$"}]}
    if kind == "path":
        if paths and len(paths) <= MAX_ENUM_PATHS:
            return {"type": "string", "enum": list(paths)}
        return {"type": "string"}
    if kind == "integer":
        return {"type": "integer", "minimum": 1}
    return {"type": "string"}


def call_schema(
    paths: tuple[str, ...],
    tools: tuple[str, ...] = tuple(TOOL_ARGUMENTS),
    targets: tuple[str, ...] = (),
) -> dict[str, Any]:
    """JSON schema of one tool call: {"name": ..., "arguments": {...}}; ``targets`` (when given)
    limits generate_code's target to known symbols, "file" and line ranges."""
    variants = []
    for name in tools:
        args = TOOL_ARGUMENTS[name]
        variants.append({
            "type": "object",
            "properties": {
                "name": {"const": name},
                "arguments": {
                    "type": "object",
                    "properties": {a: _arg_schema(k, paths, targets) for a, k in args.items()},
                    "required": list(args),
                },
            },
            "required": ["name", "arguments"],
        })
    return {"oneOf": variants}


def parse_call(text: str, tools: tuple[str, ...] = tuple(TOOL_ARGUMENTS)) -> ToolCall:
    """Parse and validate a tool call; ToolCallError says what is wrong, for the router to retry."""
    body = text.strip()
    if body.startswith("<tool_call>"):
        body = body.removeprefix("<tool_call>").removesuffix("</tool_call>").strip()
    try:
        data = json.loads(body)
    except ValueError:
        raise ToolCallError(f"not valid JSON: {text[:120]!r}; reply with one JSON tool call") from None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise ToolCallError('a tool call is {"name": "<tool>", "arguments": {...}}')
    name, arguments = data["name"], data.get("arguments", {})
    if name not in tools:
        raise ToolCallError(f"unknown tool {name!r}; tools are: {', '.join(tools)}")
    if not isinstance(arguments, dict):
        raise ToolCallError(f"{name}: arguments must be a JSON object")
    for arg, kind in TOOL_ARGUMENTS[name].items():
        value = arguments.get(arg)
        if value is None:
            raise ToolCallError(f"{name}: missing argument {arg!r}")
        wanted = int if kind == "integer" else str  # paths and targets are checked by their users
        if not isinstance(value, wanted) or isinstance(value, bool):
            raise ToolCallError(
                f"{name}: argument {arg!r} must be {'an integer' if kind == 'integer' else 'a string'}")
    return ToolCall(name, dict(arguments))


# -- the read-only tools -------------------------------------------------------------------


def list_files(workspace: Workspace, pattern: str) -> str:
    pattern = pattern.strip() or "*"
    matches = [p for p in workspace.files
               if fnmatch.fnmatch(p, pattern) or fnmatch.fnmatch(p.rsplit("/", 1)[-1], pattern)]
    if not matches:
        return f"no tracked file matches {pattern!r}"
    shown = matches[:MAX_LISTED]
    more = f"\n... and {len(matches) - len(shown)} more" if len(matches) > len(shown) else ""
    return "\n".join(shown) + more


# one hit of `git grep -z -n`: path NUL line-number NUL text (a path may hold any byte but NUL)
_GREP_HIT = re.compile(rb"([^\0]+)\0(\d+)\0([^\n]*)(?:\n|$)")


def search(workspace: Workspace, query: str) -> str:
    """Lines holding ``query`` (case-insensitive) in the files dcx may show the models."""
    query = query.strip()
    if not query:
        raise ToolCallError("search: the query is empty")
    if any(unicodedata.category(char) in ("Cc", "Cs") and char != "\t" for char in query):
        raise ToolCallError("search: the query holds a control character; search for plain "
                            "text on one line")
    try:
        # --no-color and --no-column: a user's color.ui=always or grep.column=true would change
        # the form the hits are read in
        out = workspace.repo.git.grep("-z", "-n", "-I", "-F", "-i", "--untracked", "--no-color",
                                      "--no-column", "-e", query, "--", stdout_as_string=False)
    except git.GitCommandError as exc:
        if exc.status == 1:
            return f"no match for {query!r}"
        raise ToolCallError(f"search failed: {output_text(_bytes(exc.stderr)).strip()[:200]}") from None
    hits = []
    for match in _GREP_HIT.finditer(out):
        path = os.fsdecode(match.group(1))  # a name that is not UTF-8 keeps its bytes, and is refused
        try:
            workspace.check_path(path)
        except PathError:
            continue
        hits.append(f"{path}:{int(match.group(2))}:{_line_text(match.group(3), path)}"[:200])
    if not hits:
        return f"no match for {query!r}"
    more = f"\n... {len(hits) - MAX_SEARCH_HITS} more matches" if len(hits) > MAX_SEARCH_HITS else ""
    return "\n".join(hits[:MAX_SEARCH_HITS]) + more


def _line_text(raw: bytes, path: str) -> str:
    """A line git grep found, as text, by the rules dcx reads files with (UTF-8, else 8-bit
    text such as Latin-1); U+FFFD for bytes those rules refuse. Never a surrogate escape, which
    no model prompt can carry."""
    try:
        return decode(raw, path)[0].rstrip("\r")
    except PathError:
        return output_text(raw).rstrip("\n")


def _bytes(value: str | bytes | None) -> bytes:
    if isinstance(value, bytes):
        return value
    return (value or "").encode("utf-8", "surrogateescape")


def read_file(workspace: Workspace, path: str, start: int, end: int, text: str | None = None) -> str:
    """Numbered lines start..end (1-based, inclusive); ``text`` overrides the disk (pending edits)."""
    try:
        content = text if text is not None else workspace.read(path).text
    except PathError as exc:
        raise ToolCallError(str(exc)) from None
    lines = split_lines(content)
    if not lines:
        return f"{path} is empty"
    start = max(1, min(start, len(lines)))
    end = max(start, min(end, len(lines), start + MAX_READ_LINES - 1))
    body = numbered("".join(lines[start - 1 : end]), start)
    return f"{path} lines {start}-{end} of {len(lines)}:\n{body}"
