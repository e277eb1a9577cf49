"""Who calls whom in the repository, so that a request about the entry point a user sees (the
report, the render call) reaches the code it runs in other modules.

Python files are read with ``ast``: every function, class and method is a definition; a call is
resolved through the file's imports (``from pkg.money import fmt``, ``import pkg.money as m``),
``self.method`` within a class, a class called as a constructor (its ``__init__``), and, for
``obj.method`` on an object of unknown type, the methods of that name when few classes have one.
Other languages get definitions by their block syntax and references by name.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from dcx.pyimports import module_files, resolved_module
from dcx.syntax import parsed_module
from dcx.targets import generic_symbols, language_of, python_symbols

MAX_METHOD_OWNERS = 3  # obj.name() of an unknown type: linked to at most this many methods
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")

Key = tuple[str, str]  # (path, qualified name)


@dataclass(frozen=True)
class Definition:
    path: str
    name: str  # qualified: "Report.monthly", "monthly_report"
    kind: str  # "function", "class" or "block"
    start: int  # 0-based first line (decorators included)
    end: int  # 0-based line after the last

    @property
    def key(self) -> Key:
        return self.path, self.name

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class CallGraph:
    definitions: Mapping[Key, Definition]
    calls: Mapping[Key, frozenset[Key]]  # definition -> the definitions it calls
    called_by: Mapping[Key, frozenset[Key]] = field(default_factory=dict)
    exceptions: frozenset[Key] = frozenset()  # classes that are exceptions (by their bases)

    def callees(self, key: Key) -> frozenset[Key]:
        return self.calls.get(key, frozenset())

    def callers(self, key: Key) -> frozenset[Key]:
        return self.called_by.get(key, frozenset())

    def reachable(self, starts: Iterable[Key], depth: int) -> dict[Key, int]:
        """Definitions reached from ``starts`` by calls, with their distance (0 for a start)."""
        seen = {key: 0 for key in starts if key in self.definitions}
        frontier = list(seen)
        for distance in range(1, depth + 1):
            nxt = []
            for key in frontier:
                for callee in self.callees(key):
                    if callee not in seen:
                        seen[callee] = distance
                        nxt.append(callee)
            frontier = nxt
        return seen


def build(files: Mapping[str, str]) -> CallGraph:
    """The call graph of ``files`` (path -> text)."""
    definitions: dict[Key, Definition] = {}
    for path, text in files.items():
        symbols = python_symbols(text) if language_of(path) == "python" else generic_symbols(text)
        for s in symbols:
            definitions[(path, s.name)] = Definition(path, s.name, s.kind, s.start, s.end)
    by_module = module_files(files)
    by_short: dict[str, list[Key]] = defaultdict(list)
    for key, d in definitions.items():
        by_short[d.short].append(key)
    calls: dict[Key, frozenset[Key]] = {}
    for path, text in files.items():
        if language_of(path) == "python":
            calls.update(_python_calls(path, text, definitions, by_module, by_short))
        else:
            calls.update(_named_calls(path, text, definitions, by_short))
    called_by: dict[Key, set[Key]] = defaultdict(set)
    for caller, callees in calls.items():
        for callee in callees:
            called_by[callee].add(caller)
    return CallGraph(definitions, calls, {k: frozenset(v) for k, v in called_by.items()},
                     _exception_classes(files))


_BUILTIN_EXCEPTION = re.compile(r"^(BaseException|Exception|\w+(Error|Exception|Warning))$")


def _exception_classes(files: Mapping[str, str]) -> frozenset[Key]:
    """Python classes deriving, directly or through other classes here, from an exception."""
    bases: dict[Key, list[str]] = {}
    for path, text in files.items():
        if language_of(path) != "python":
            continue
        tree = parsed_module(text)
        if tree is None:
            continue
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                bases[(path, node.name)] = [b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "")
                                            for b in node.bases]
    found: set[Key] = set()
    changed = True
    while changed:  # through the project's own exception classes, to any depth
        names = {name for _, name in found}
        changed = False
        for key, parents in bases.items():
            if key not in found and any(_BUILTIN_EXCEPTION.match(b) or b in names for b in parents):
                found.add(key)
                changed = True
    return frozenset(found)


# -- Python --------------------------------------------------------------------------------------


def _imports(tree: ast.Module, path: str, by_module: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Local names the file imports: name -> (file, name there; "" for a whole module)."""
    names: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in by_module:
                    names[alias.asname or alias.name] = (by_module[alias.name], "")
        elif isinstance(node, ast.ImportFrom):
            base = resolved_module(node, path)
            for alias in node.names:
                local = alias.asname or alias.name
                module = f"{base}.{alias.name}" if base else alias.name
                if module in by_module:  # from pkg import money: a module
                    names[local] = (by_module[module], "")
                elif base in by_module:
                    names[local] = (by_module[base], alias.name)
    return names


def _python_calls(path: str, text: str, definitions: Mapping[Key, Definition],
                  by_module: Mapping[str, str],
                  by_short: Mapping[str, list[Key]]) -> dict[Key, frozenset[Key]]:
    tree = parsed_module(text)
    if tree is None:
        return {}
    imported = _imports(tree, path, by_module)
    out: dict[Key, frozenset[Key]] = {}

    def visit(body: list[ast.stmt], prefix: str, owner: str | None) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                name = prefix + node.name
                out[(path, name)] = frozenset(_resolve_all(
                    _class_level_calls(node), path, name, definitions, imported, by_short))
                visit(node.body, name + ".", name)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + node.name
                out[(path, name)] = frozenset(_resolve_all(
                    _used(node), path, owner, definitions, imported, by_short))

    visit(tree.body, "", None)
    return out


def _used(node: ast.AST) -> list[ast.expr]:
    """What a function calls, and the attributes it reads (a property runs code too)."""
    found: list[ast.expr] = []
    for child in ast.walk(node):
        if isinstance(child, ast.Call):
            found.append(child.func)
        elif isinstance(child, ast.Attribute) and isinstance(child.ctx, ast.Load):
            found.append(child)
    return found


def _class_level_calls(node: ast.ClassDef) -> list[ast.expr]:
    """Calls in a class body outside its methods (default values, class attributes)."""
    funcs = []
    for child in node.body:
        if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            funcs += [c.func for c in ast.walk(child) if isinstance(c, ast.Call)]
    return funcs


def _resolve_all(funcs: Iterable[ast.expr], path: str, owner: str | None,
                 definitions: Mapping[Key, Definition], imported: Mapping[str, tuple[str, str]],
                 by_short: Mapping[str, list[Key]]) -> set[Key]:
    found: set[Key] = set()
    for func in funcs:
        found.update(_resolve(func, path, owner, definitions, imported, by_short))
    return found


def _constructor(key: Key, definitions: Mapping[Key, Definition]) -> list[Key]:
    """A class called as a constructor runs its ``__init__`` (and ``__post_init__``)."""
    path, name = key
    if definitions[key].kind != "class":
        return [key]
    return [key] + [k for k in ((path, f"{name}.__init__"), (path, f"{name}.__post_init__"))
                    if k in definitions]


def _resolve(func: ast.expr, path: str, owner: str | None, definitions: Mapping[Key, Definition],
             imported: Mapping[str, tuple[str, str]], by_short: Mapping[str, list[Key]]) -> list[Key]:
    if isinstance(func, ast.Name):
        name = func.id
        if (path, name) in definitions:
            return _constructor((path, name), definitions)
        if name in imported:
            file, there = imported[name]
            key = (file, there)
            return _constructor(key, definitions) if key in definitions else []
        return []
    if not isinstance(func, ast.Attribute):
        return []
    attr = func.attr
    value = func.value
    if isinstance(value, ast.Name):
        if value.id in ("self", "cls") and owner and (path, f"{owner}.{attr}") in definitions:
            return [(path, f"{owner}.{attr}")]
        if value.id in imported and imported[value.id][1] == "":  # module.func()
            key = (imported[value.id][0], attr)
            return _constructor(key, definitions) if key in definitions else []
        if (path, f"{value.id}.{attr}") in definitions:  # Class.method()
            return [(path, f"{value.id}.{attr}")]
    owners = [k for k in by_short.get(attr, []) if "." in k[1]]  # obj.method(): methods by name
    return owners if 0 < len(owners) <= MAX_METHOD_OWNERS else []


# -- other languages -----------------------------------------------------------------------------


def _named_calls(path: str, text: str, definitions: Mapping[Key, Definition],
                 by_short: Mapping[str, list[Key]]) -> dict[Key, frozenset[Key]]:
    """Definitions and references by name: a block refers to every definition whose name it
    spells (in this file first, else anywhere when the name is unique)."""
    lines = text.splitlines()
    out: dict[Key, frozenset[Key]] = {}
    for key, d in definitions.items():
        if d.path != path:
            continue
        body = "\n".join(lines[d.start + 1: d.end])
        found = set()
        for word in set(_IDENT.findall(body)):
            owners = by_short.get(word, [])
            local = [k for k in owners if k[0] == path and k != key]
            found.update(local or (owners if len(owners) == 1 and owners[0] != key else []))
        out[key] = frozenset(found)
    return out
