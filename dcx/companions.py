"""Module constants that go with a function: another function of the same file uses both.

`to_csv` writes `COLUMNS` as the header of the rows that `rows` builds. Asked to add a column,
a small model shown `rows` as the code to change adds it to `rows` and leaves `COLUMNS` as it
is: nothing in `rows` points at the header. A function of the file that uses the target
together with a constant the target does not read is that pointer, and dcx names the pair in
the prompt. Only the shape of that example counts, because a looser one named unrelated pairs
in our suites (a grade table read beside a function that normalises grades): the constant is
a module-level name in capitals bound once to a list or tuple of strings (names of columns or
fields), and the target returns rows (a list or tuple display, a list comprehension, or it
yields)."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from dcx.syntax import parsed_module
from dcx.targets import assigned_name, python_definitions

MAX_COMPANIONS = 2  # more would be a list of everything the module shares
_ROWS = (ast.List, ast.Tuple, ast.ListComp)


@dataclass(frozen=True)
class Companion:
    user: str  # the definition that uses both (qualified name)
    constant: str


def companions(text: str, target: str) -> tuple[Companion, ...]:
    """The constants of ``text`` used together with ``target`` (a qualified function name) by
    another function of the file, and not read by the target itself; none when the file does
    not parse or the target is not in it."""
    tree = parsed_module(text)
    if tree is None:
        return ()
    constants = _constants(tree)
    functions = {name: node for name, node in python_definitions(tree)
                 if not isinstance(node, ast.ClassDef)}
    if target not in functions or not constants or not _gives_rows(functions[target]):
        return ()
    short = target.rsplit(".", 1)[-1]
    own = _names(functions[target])
    found: list[Companion] = []
    for name, node in functions.items():
        used = _names(node)
        if name == target or short not in used:
            continue
        for constant in sorted((used & constants) - own):
            if all(c.constant != constant for c in found):
                found.append(Companion(name, constant))
    return tuple(found[:MAX_COMPANIONS])


def _gives_rows(node: ast.AST) -> bool:
    """Whether a function returns a list or tuple it builds, or yields."""
    return any(isinstance(child, (ast.Yield, ast.YieldFrom))
               or isinstance(child, ast.Return) and isinstance(child.value, _ROWS)
               for child in ast.walk(node))


def _constants(tree: ast.Module) -> set[str]:
    """Module-level names in capitals bound once, to a list or tuple of at least two strings."""
    bound: dict[str, int] = {}
    literal: set[str] = set()
    for node in tree.body:
        name, value = assigned_name(node), getattr(node, "value", None)
        if name is None or value is None:  # a bare annotation binds nothing
            continue
        bound[name] = bound.get(name, 0) + 1
        if isinstance(value, (ast.List, ast.Tuple)) and len(value.elts) >= 2 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts):
            literal.add(name)
    return {name for name in literal if bound[name] == 1 and name.isupper()}


def _names(node: ast.AST) -> set[str]:
    """The names a definition reads: plain names and attribute names (``self.rows``)."""
    found: set[str] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Attribute):
            found.add(child.attr)
    return found
