"""A ``for`` loop's variable read inside another, later loop: there it holds only the last item
of its own loop. A small model extending the second loop of a function reaches for the first
loop's variable: a shopping list that adds up ingredients in one loop and writes lines in
another came back with ``ing.note`` in the second (seen on a dev task), so every line got the
note of the last ingredient read. The code runs, pyflakes sees nothing.

Reported: in a function (or at a module's top level), a name that only ``for`` targets assign
(not a parameter, nor assigned in any other way), read inside a loop or comprehension that
none of the loops assigning it encloses. A read after the loop but in no other loop (the
search idiom: ``for item in items: ... break`` then ``use(item)``) is left alone, as are
nested functions (their own scope) and comprehensions that bind the name themselves.
dcx.static_check counts only what a change brings."""

from __future__ import annotations

import ast
from typing import Iterator

from dcx.unbound import COMPREHENSIONS

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
MESSAGE = ("{name} is read in a loop outside the loop that sets it, where it holds only that "
           "loop's last item; read the item of this loop")


def read_outside_their_loop(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, message) for each such read, in every function and at the top level."""
    found = []
    for scope in ast.walk(tree):
        if isinstance(scope, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)):
            loop_only = _loop_only_names(scope)
            if loop_only:
                found += [(line, MESSAGE.format(name=name))
                          for line, name in _Reads(loop_only).visit_body(scope.body)]
    return sorted(set(found))


def _loop_only_names(scope: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names of the scope that ``for`` targets assign and nothing else does."""
    targets = [n for node in _own_nodes(scope.body) if isinstance(node, (ast.For, ast.AsyncFor))
               for n in ast.walk(node.target) if isinstance(n, ast.Name)]
    in_targets = {id(n) for n in targets}
    otherwise: set[str] = set()
    if not isinstance(scope, ast.Module):
        args = scope.args
        otherwise |= {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs,
                                      *filter(None, (args.vararg, args.kwarg)))}
    for node in _own_nodes(scope.body):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load) and id(node) not in in_targets:
            otherwise.add(node.id)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            otherwise |= set(node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            otherwise.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            otherwise |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
            otherwise.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            otherwise.add(node.rest)
    return {n.id for n in targets} - otherwise


def _stored(target: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def _own_nodes(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every node of ``body`` outside nested functions, classes, lambdas and comprehensions
    (their names are their own); the nested definitions themselves are yielded."""
    stack: list[ast.AST] = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (*_SCOPES, *COMPREHENSIONS)):
            stack += reversed(list(ast.iter_child_nodes(node)))


class _Reads:
    """Walks a scope's statements, knowing which loops enclose each point."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def visit_body(self, body: list[ast.stmt]) -> list[tuple[int, str]]:
        return [hit for statement in body for hit in self.visit(statement, frozenset(), False, frozenset())]

    def visit(self, node: ast.AST, binding: frozenset[str], in_loop: bool,
              shadowed: frozenset[str]) -> Iterator[tuple[int, str]]:
        """``binding``: names of the enclosing for loops' targets; ``in_loop``: inside some loop
        or comprehension; ``shadowed``: names a comprehension here binds itself."""
        if isinstance(node, _SCOPES):
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id in self.names and in_loop and node.id not in binding | shadowed:
                yield node.lineno, node.id
            return
        if isinstance(node, (ast.For, ast.AsyncFor)):
            yield from self.visit(node.iter, binding, in_loop, shadowed)  # before the loop runs
            inner = binding | _stored(node.target)
            for statement in node.body:
                yield from self.visit(statement, inner, True, shadowed)
            for statement in node.orelse:  # after the last item
                yield from self.visit(statement, binding, in_loop, shadowed)
            return
        if isinstance(node, ast.While):
            yield from self.visit(node.test, binding, True, shadowed)
            for statement in node.body:
                yield from self.visit(statement, binding, True, shadowed)
            for statement in node.orelse:
                yield from self.visit(statement, binding, in_loop, shadowed)
            return
        if isinstance(node, COMPREHENSIONS):
            own = frozenset(name for g in node.generators for name in _stored(g.target))
            first, *rest = node.generators
            yield from self.visit(first.iter, binding, in_loop, shadowed)  # evaluated outside it
            inner = shadowed | own
            for part in (*(g.iter for g in rest), *(c for g in node.generators for c in g.ifs),
                         *((node.key, node.value) if isinstance(node, ast.DictComp) else (node.elt,))):
                yield from self.visit(part, binding, True, inner)
            return
        for child in ast.iter_child_nodes(node):
            yield from self.visit(child, binding, in_loop, shadowed)
