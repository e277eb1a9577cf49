"""Methods a reply copied into the wrong class, left out. A small model shown a method of another
file as context sometimes writes it back inside the class it changes: a probe task's reply added
``Progress.resume_position``, word for word, to ``Subscription``, where it reads
``self._positions``, which nothing there sets, and the whole reply was refused for it, three
times. A method the class does not have that is, node for node, a method of another class the
model was shown is such a copy: it is dropped from the reply and the rest is judged as usual."""

from __future__ import annotations

import ast
from typing import Mapping

from dcx.merge import parse_reply
from dcx.syntax import walkable_module
from dcx.targets import first_line, language_of, python_definitions

_FUNCTION = (ast.FunctionDef, ast.AsyncFunctionDef)


def without_copied_methods(code: str, files: Mapping[str, str]) -> str:
    """``code`` (a Python reply) without the methods it copied from another class of ``files``
    into a class of ``files`` that has no method of that name."""
    parsed = parse_reply(code)
    if parsed is None:
        return code
    tree, text = parsed
    members, shown = _methods(files)
    lines = text.split("\n")
    dropped: list[tuple[int, int]] = []  # 0-based line spans, decorators included
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef) or cls.name not in members:
            continue  # a class the files do not have is new: what it holds is the reply's own
        copies = [m for m in cls.body if isinstance(m, _FUNCTION) and m.name not in members[cls.name]
                  and any(owner != cls.name for owner in shown.get(ast.dump(m), ()))]
        if copies and len(copies) < len(cls.body):  # a class left with no body would not parse
            dropped += [(first_line(m) - 1, m.end_lineno or m.lineno) for m in copies]
    if not dropped:
        return code
    for start, end in sorted(dropped, reverse=True):
        del lines[start:end]
    return "\n".join(lines)


def _methods(files: Mapping[str, str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The method names of each class the Python files define, and each method as a node dump ->
    the classes that define it."""
    members: dict[str, set[str]] = {}
    shown: dict[str, set[str]] = {}
    for path, source in files.items():
        if language_of(path) != "python":
            continue
        tree = walkable_module(source)  # ast.dump recurses: a file too deep has no methods to copy
        if tree is None:
            continue
        for name, node in python_definitions(tree):
            if isinstance(node, ast.ClassDef):
                members.setdefault(name, set())
            elif "." in name:
                owner = name.rsplit(".", 1)[0]
                members.setdefault(owner, set()).add(node.name)
                shown.setdefault(ast.dump(node), set()).add(owner)
    return members, shown
