"""Attributes a class's methods read from ``self`` that nothing ever sets.

Asked to add ``history`` and ``undo()`` to a class, a small model writes the new methods around
``self._history`` and never touches ``__init__``: the code compiles, pyflakes sees nothing, and
every call fails with AttributeError. dcx finds such reads without running the code, so that the
model is told to set the attribute (dcx.static_check counts only the ones a change brings).

Only classes dcx can see whole are checked: no base class (other than ``object``), no
metaclass, no decorator but ``dataclass`` and ``total_ordering``, no ``__getattr__``, no
``__dict__``, ``vars()`` or ``setattr`` of a computed name. An attribute counts as set when the
class body binds it (methods, properties, fields, ``__slots__``), a method assigns it on
``self`` (or through ``setattr``), or any project file assigns an attribute of that name on any
object (a factory may set it from outside) or defines a function of that name (a mixin reads
what its partner class defines).
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Mapping

_ASSIGNED = re.compile(r"\.([A-Za-z_]\w*)\s*(?:[-+*/%&|^@]|//|\*\*|<<|>>)?=(?!=)")
_DEFINED = re.compile(r"\bdef\s+([A-Za-z_]\w*)")  # a method of another class (a mixin's partner)
_DYNAMIC = {"__getattr__", "__getattribute__", "__setattr__"}
_KNOWN_DECORATORS = {"dataclass", "total_ordering"}


def unset_reads(tree: ast.Module, project: Mapping[str, str]) -> list[tuple[int, str]]:
    """(line, message) for each attribute a method reads from ``self`` that nothing sets."""
    assigned_elsewhere: set[str] | None = None
    found = []
    for cls in _classes(tree):
        if not _visible_whole(cls):
            continue
        bound = _bound_in_body(cls)
        methods = [f for f in cls.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                   and f.args.args and not _is_static_or_class(f)]
        for method in methods:
            bound |= _set_on_self(method)
        for method in methods:
            me = method.args.args[0].arg
            for node in _own_nodes(method, me):
                if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) \
                        and isinstance(node.value, ast.Name) and node.value.id == me \
                        and node.attr not in bound and not node.attr.startswith("__"):
                    if assigned_elsewhere is None:
                        assigned_elsewhere = {name for text in project.values() for pattern
                                              in (_ASSIGNED, _DEFINED) for name in pattern.findall(text)}
                    if node.attr in assigned_elsewhere:
                        continue
                    found.append((node.lineno, f"{cls.name}.{method.name} reads {me}.{node.attr}, which "
                                               f"nothing sets: set it in __init__"))
                    bound.add(node.attr)  # once per attribute
    return found


def _classes(tree: ast.AST) -> Iterator[ast.ClassDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            yield node


def _visible_whole(cls: ast.ClassDef) -> bool:
    if cls.keywords or any(not (isinstance(b, ast.Name) and b.id == "object") for b in cls.bases):
        return False
    if any(_decorator_name(d) not in _KNOWN_DECORATORS for d in cls.decorator_list):
        return False  # a decorator dcx does not know may add attributes
    methods = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    used = {n.attr for n in ast.walk(cls) if isinstance(n, ast.Attribute)}
    used |= {n.id for n in ast.walk(cls) if isinstance(n, ast.Name)}
    named_elsewhere = any(isinstance(n, ast.Call) and _is_setattr(n.func) and len(n.args) >= 2
                          and not isinstance(n.args[1], ast.Constant) for n in ast.walk(cls))
    return not (methods & _DYNAMIC or "__dict__" in used or "vars" in used or named_elsewhere)


def _decorator_name(node: ast.expr) -> str:
    node = node.func if isinstance(node, ast.Call) else node
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def _bound_in_body(cls: ast.ClassDef) -> set[str]:
    bound = set()
    for node in cls.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                bound |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
                if isinstance(target, ast.Name) and target.id == "__slots__":
                    bound |= {c.value for c in ast.walk(node.value)
                              if isinstance(c, ast.Constant) and isinstance(c.value, str)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            bound.add(node.target.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return bound


def _set_on_self(method: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    me = method.args.args[0].arg
    bound = set()
    for node in _own_nodes(method, me):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)) \
                and isinstance(node.value, ast.Name) and node.value.id == me:
            bound.add(node.attr)
        elif isinstance(node, ast.Call) and _is_setattr(node.func) and len(node.args) >= 2 \
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
            bound.add(node.args[1].value)
    return bound


def _own_nodes(method: ast.FunctionDef | ast.AsyncFunctionDef, me: str) -> Iterator[ast.AST]:
    """The nodes of ``method`` where ``me`` is still its instance: not inside a nested class,
    nor a nested function that takes a parameter of that name."""
    todo: list[ast.AST] = list(method.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.ClassDef):
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) \
                and me in {a.arg for a in node.args.args + node.args.kwonlyargs}:
            continue
        yield node
        todo.extend(ast.iter_child_nodes(node))


def _is_setattr(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "setattr") or (
        isinstance(func, ast.Attribute) and func.attr == "__setattr__")


def _is_static_or_class(f: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod") for d in f.decorator_list)
