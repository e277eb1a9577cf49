"""What the request says a definition is, made true in a reply: "an `is_paused` property" asks for
a property, and a small model often writes a plain method (``clock.is_paused`` is then a bound
method, always true). dcx adds the ``@property`` itself when nothing calls the name."""

from __future__ import annotations

import ast
import re

from dcx.lines import indent_of
from dcx.patch import split_lines
from dcx.syntax import parsed_module
from dcx.targets import language_of

_PROPERTY = re.compile(r"`([A-Za-z_]\w*)`\s+(?:read-only\s+)?property"
                       r"|\bproperty\s+(?:called\s+|named\s+)?`([A-Za-z_]\w*)`")


def properties_asked(request: str) -> set[str]:
    """Names the request calls properties: "an `is_paused` property", "a property `total`"."""
    return {a or b for a, b in _PROPERTY.findall(request)}


def as_properties(path: str, text: str, old: str, request: str) -> str:
    """``text`` with ``@property`` over each method the request calls a property, written as a
    plain method taking only ``self`` that ``old`` did not have and nothing calls."""
    wanted = properties_asked(request)
    if not wanted or language_of(path) != "python":
        return text
    tree = parsed_module(text)
    if tree is None:
        return text
    called = {n.func.attr for n in ast.walk(tree)
              if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}
    candidates = wanted - called - {f.name for f in _plain_methods_of(old)}
    fix = [f for f in _plain_methods(tree) if f.name in candidates
           and len(f.args.args) == 1 and not f.args.vararg and not f.args.kwarg and not f.args.kwonlyargs]
    if not fix:
        return text
    lines = split_lines(text)
    for f in sorted(fix, key=lambda f: -f.lineno):
        line = lines[f.lineno - 1]
        indent = indent_of(line)
        ending = line[len(line.rstrip("\r\n")):] or "\n"
        lines.insert(f.lineno - 1, f"{indent}@property{ending}")
    return "".join(lines)


def _plain_methods(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [f for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef) for f in cls.body
            if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and not f.decorator_list]


def _plain_methods_of(text: str) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    tree = parsed_module(text)
    return [] if tree is None else _plain_methods(tree)

