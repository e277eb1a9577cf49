"""Decorators a reply left off, put back by dcx. A small model that rewrites a definition often
writes it from its ``class`` or ``def`` line on and leaves out the decorators above it, and keeps
doing so when told (a probe task's three replies each gave ``class Subscription:`` without the
``@dataclass`` it had, with a new field; each was refused). When a definition the file had comes
back with no decorator at all, and the request names none of the ones it had, dcx puts the old
decorator lines back over it. A reply that changes the decorators (some other, or some of them)
is left as written for the review to judge, and so is a function whose positional parameters
changed (``@staticmethod`` over a method that now takes ``self`` would be wrong)."""

from __future__ import annotations

import ast
import re

from dcx.context import is_test_path
from dcx.lines import indent_of
from dcx.patch import split_lines
from dcx.syntax import parsed_module
from dcx.targets import Definition, decorator_name, first_line, language_of, unique_definitions


def with_decorators_kept(path: str, text: str, old: str, request: str) -> str:
    """``text`` with the decorators ``old`` had over each definition that lost all of them."""
    if language_of(path) != "python" or is_test_path(path) or "@" not in old:
        return text
    before, after = _definitions(old), _definitions(text)
    if before is None or after is None:
        return text
    words = {w.lower() for w in re.findall(r"[A-Za-z_]\w*", request)}
    old_lines, lines = split_lines(old), split_lines(text)
    mended = []  # (line index of the def/class line in text, the decorator lines to put over it)
    for name, node in after.items():
        was = before.get(name)
        if node.decorator_list or was is None or not was.decorator_list or not _same_kind(was, node):
            continue
        if any(decorator_name(d).lower() in words for d in was.decorator_list):
            continue  # the request talks about it: taking it off may be what it asks
        first = first_line(was) - 1
        old_indent, indent = indent_of(old_lines[was.lineno - 1]), indent_of(lines[node.lineno - 1])
        ending = lines[node.lineno - 1][len(lines[node.lineno - 1].rstrip("\r\n")):] or "\n"
        mended.append((node.lineno - 1, [indent + line.rstrip("\r\n").removeprefix(old_indent) + ending
                                         for line in old_lines[first:was.lineno - 1]]))
    for index, decorators in sorted(mended, reverse=True):
        lines[index:index] = decorators
    return "".join(lines)


def _definitions(text: str) -> dict[str, Definition] | None:
    tree = parsed_module(text)
    return None if tree is None else unique_definitions(tree)


def _same_kind(was: Definition, node: Definition) -> bool:
    """Both classes, or both functions with the same positional parameters."""
    if isinstance(was, ast.ClassDef) or isinstance(node, ast.ClassDef):
        return isinstance(was, ast.ClassDef) and isinstance(node, ast.ClassDef)
    return _positional(was) == _positional(node)


def _positional(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    return [a.arg for a in node.args.posonlyargs + node.args.args]
