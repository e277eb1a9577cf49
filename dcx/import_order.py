"""Whether each project module still imports, found by following the top-level imports in the order
Python runs them: an import cycle fails where a ``from M import name`` runs while M is half-loaded
and has not bound ``name`` yet. Which module is imported first decides that, so every module of
each import cycle is tried as the first (a test file or a script may import any of them first;
a module outside the cycle that imports one of it enters the cycle there).

It reads the code, it runs none of it: imports inside functions, ``if`` and ``try`` blocks are
not followed, and a name is taken as bound once any top-level statement before could bind it;
where it cannot tell, it finds no failure."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Mapping

from dcx.pyimports import loading_modules, resolved_module
from dcx.syntax import parsed_module
from dcx.targets import language_of

MAX_CYCLE = 200  # modules in one import cycle dcx follows; Python's stack bounds how deep it can


@dataclass(frozen=True, order=True)
class Failure:
    path: str  # the file whose import fails
    line: int
    module: str  # the dotted module it imports from
    name: str
    source: str  # that module's file, half-loaded at the time
    first: str  # the file imported first


@dataclass(frozen=True)
class _Step:
    loads: tuple[str, ...]  # files this statement loads, in order
    takes: tuple[tuple[str, str, str], ...]  # (module, name, file) a `from` import reads
    binds: frozenset[str]
    line: int


def failures(project: Mapping[str, str]) -> set[Failure]:
    """Every ``from M import name`` that fails when some module of its import cycle is imported
    first."""
    steps = _all_steps(project)
    found: set[Failure] = set()
    for cycle in _cycles(steps):
        # only a module of the cycle can be half-loaded when the cycle's own imports run; what
        # the cycle loads from outside it loads no module of it, so it counts as loaded whole
        inside = {p: s for p, s in steps.items() if p in cycle}
        for first in sorted(cycle):
            seen: set[Failure] = set()
            try:
                _Import(inside, first, seen).load(first)
            except RecursionError:  # deeper than the interpreter's stack: untold
                continue
            found |= seen
    return found


def cycles(project: Mapping[str, str]) -> list[set[str]]:
    """The project's import cycles dcx judges: groups of 2 to MAX_CYCLE files whose top-level
    imports (a package's ``__init__`` counted as loaded by its modules) reach each other."""
    return _cycles(_all_steps(project))


def _all_steps(project: Mapping[str, str]) -> dict[str, list[_Step]]:
    by_module = loading_modules(project)
    return {p: _steps(p, text, by_module) for p, text in project.items() if language_of(p) == "python"}


def _cycles(steps: Mapping[str, list[_Step]]) -> list[set[str]]:
    """The groups of modules that import each other, directly or not (Tarjan's strongly connected
    components, without recursion), of 2 to MAX_CYCLE modules: a larger one goes unjudged."""
    edges = {p: [q for q in [*_packages_of(p, steps), *(f for s in steps[p] for f in s.loads)] if q in steps]
             for p in steps}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    for root in steps:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if 2 <= len(group) <= MAX_CYCLE:
                    groups.append(group)
    return groups


class _Import:
    """One fresh interpreter importing ``first``: which files are loading, and what each has bound."""

    def __init__(self, steps: Mapping[str, list[_Step]], first: str, found: set[Failure]) -> None:
        self.steps, self.first, self.found = steps, first, found
        self.bound: dict[str, set[str]] = {}
        self.done: set[str] = set()

    def load(self, path: str) -> None:
        if path in self.bound or path not in self.steps:
            return
        for package in _packages_of(path, self.steps):  # a package's __init__ runs first
            self.load(package)
        if path in self.bound:  # a package's __init__ loaded it
            return
        bound = self.bound[path] = set()
        for step in self.steps[path]:
            for loaded in step.loads:
                self.load(loaded)
            for module, name, source in step.takes:
                taken = self.bound.get(source)  # None: not loaded here (outside the cycle)
                if taken is not None and source not in self.done and name not in taken and "*" not in taken:
                    self.found.add(Failure(path, step.line, module, name, source, self.first))
            bound |= step.binds
        self.done.add(path)


def _steps(path: str, text: str, by_module: Mapping[str, str]) -> list[_Step]:
    tree = parsed_module(text)
    if tree is None:
        return []
    steps = []
    for node in tree.body:
        loads: list[str] = []
        takes: list[tuple[str, str, str]] = []
        if isinstance(node, ast.Import):
            loads = [by_module[a.name] for a in node.names if a.name in by_module]
            binds = {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = resolved_module(node, path)
            if module in by_module:
                loads.append(by_module[module])
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                if submodule in by_module:  # found however far its package has loaded
                    loads.append(by_module[submodule])
                elif module in by_module and alias.name != "*":
                    takes.append((module, alias.name, by_module[module]))
            binds = {a.asname or a.name for a in node.names}
        else:
            binds = _bound_names(node)
        steps.append(_Step(tuple(loads), tuple(takes), frozenset(binds), node.lineno))
    return steps


def _bound_names(node: ast.stmt) -> set[str]:
    """Names a top-level statement may bind (every one it could: a failure is never guessed)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    names = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            names.add(n.id)
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(n.name)
        elif isinstance(n, ast.alias):
            names.add((n.asname or n.name).split(".")[0])
    return names


def _packages_of(path: str, steps: Mapping[str, object]) -> list[str]:
    """The ``__init__.py`` files of the packages ``path`` is in, outermost first."""
    parts = path.split("/")[:-1]
    inits = ["/".join(parts[:n] + ["__init__.py"]) for n in range(1, len(parts) + 1)]
    return [p for p in inits if p in steps and p != path]
