"""Project functions and classes a change leaves used nowhere. A small model that rewrites a
function tends to write its own logic where the old body called a helper: a template's `render`
that called `self.evaluate(ctx)` (which applies the filters) came back as `ctx.resolve(self.path)`,
and every filtered variable lost its filters. The helper stays defined, so no other check sees
it; that nothing uses it any more does show.

A use is any mention of the name in code (a call, an attribute, a name passed on), so a name
shared with other objects is never counted as unused: the check misses such cases rather than
refuse a change for them. Names mentioned only in strings (``getattr``) or never (dunder
methods, handlers a framework finds) had no use before, and are not counted either."""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass
from typing import Mapping

from dcx.syntax import parsed_module, walkable_module
from dcx.targets import language_of


@dataclass(frozen=True)
class Orphan:
    name: str
    path: str  # where it is defined
    line: int
    dropped_by: tuple[str, ...]  # the definitions that used it before ("Class.method in path")


def orphans(before: Mapping[str, str], after: Mapping[str, str]) -> list[Orphan]:
    """Functions and classes defined after a change that were used before it and are used
    nowhere after it. ``before`` and ``after`` hold every project file (path -> text); the
    changed ones differ. Nothing when a changed Python file does not parse or nests too deep
    for ``_uses_by_definition``'s recursion (the static check reports either); an unchanged
    file that does not parse counts for neither side."""
    changed = [p for p, text in after.items() if before.get(p) != text and language_of(p) == "python"]
    changed_after = {p: walkable_module(after[p]) for p in changed}
    if any(tree is None for tree in changed_after.values()):
        return []
    dropped: dict[str, list[str]] = {}  # name -> the definitions that used it and no longer do
    lost: Counter[str] = Counter()  # uses the changed files lost, by name
    for path, tree in changed_after.items():
        old = walkable_module(before[path]) if path in before else None
        old_uses = _uses_by_definition(old) if old else {}
        new_uses = _uses_by_definition(tree)
        for where, uses in old_uses.items():
            for name, count in uses.items():
                if count > new_uses.get(where, Counter())[name]:
                    dropped.setdefault(name, []).append(f"{where} in {path}")
        lost.update(sum(old_uses.values(), Counter()))
        lost.subtract(sum(new_uses.values(), Counter()))
    if not any(count > 0 for count in lost.values()):
        return []
    uses_after: Counter[str] = Counter()
    definitions = []
    for path, text in after.items():
        tree = changed_after.get(path) or (parsed_module(text) if language_of(path) == "python" else None)
        if tree is None:
            continue
        uses_after.update(_uses(tree))
        definitions += [(node, path) for node in ast.walk(tree)
                        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                        and lost[node.name] > 0]
    return [Orphan(node.name, path, node.lineno, tuple(dropped[node.name]))
            for node, path in definitions if not uses_after[node.name]]


def _uses_by_definition(tree: ast.Module) -> dict[str, Counter[str]]:
    """The uses in each function or method ("Class.method"), and "the top level" for the rest
    (a decorator, a default or a base class is used where its definition is)."""
    found: dict[str, Counter[str]] = {}

    def visit(node: ast.AST, where: str, prefix: str) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for part in (*node.decorator_list, *_header(node)):
                found.setdefault(where, Counter()).update(_uses(part))
            name = prefix + node.name
            inner = where if isinstance(node, ast.ClassDef) else name
            for statement in node.body:
                visit(statement, inner, name + ".")
            return
        used = _used_name(node)
        if used:
            found.setdefault(where, Counter())[used] += 1
        for child in ast.iter_child_nodes(node):
            visit(child, where, prefix)

    visit(tree, "the top level", "")
    return found


def _header(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> list[ast.AST]:
    """The parts of a definition outside its body: defaults, annotations, base classes."""
    if isinstance(node, ast.ClassDef):
        return [*node.bases, *node.keywords]
    return [node.args, *([node.returns] if node.returns else [])]


def _used_name(node: ast.AST) -> str | None:
    """The name ``node`` uses, if it is a use: a name read, or an attribute."""
    if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Store):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _uses(tree: ast.AST) -> Counter[str]:
    return Counter(name for name in map(_used_name, ast.walk(tree)) if name)
