"""A change that keeps a call but throws away what it returned. Asked to fix ``kheapsort``, a
small model turned ``yield heapq.heappushpop(heap, x)`` into ``if x < heap[0]:
heapq.heappushpop(heap, x)``: the call stayed, and what the generator yielded for each element
was gone (a test that passed broke).

For each function in both versions, a call that the old function returned or yielded (the whole
value of a ``return``, ``yield`` or ``yield from``, awaited or not) and that the new function
makes only as a statement of its own, with the value unused and returned or yielded nowhere, is
reported. A call the old function also made as a statement, or one the new function still
returns or yields somewhere, is left alone.
"""

from __future__ import annotations

import ast

from dcx.lines import clipped
from dcx.targets import function_pairs

_VERBS = {ast.Return: "returned", ast.Yield: "yielded", ast.YieldFrom: "yielded from"}


def dropped_results(old: ast.Module, new: ast.Module) -> list[tuple[int, str]]:
    """``(line, message)`` for each call whose value the change stopped returning or yielding."""
    return [found for pair in function_pairs(old, new) for found in _in_function(*pair)]


def _in_function(where: str, old: ast.AST, new: ast.AST) -> list[tuple[int, str]]:
    produced = _produced(old)
    still = _produced(new)
    alone_before = {ast.unparse(call) for _, call in _alone(old)}
    found = []
    for line, call in _alone(new):
        text = ast.unparse(call)
        if text in produced and text not in still and text not in alone_before:
            found.append((line, f"in {where}, `{clipped(text)}` is now called for nothing: before the change "
                                f"{where} {produced[text]} what it returns, and now nothing does; "
                                f"keep that unless the request asks for it"))
    return found


def _produced(function: ast.AST) -> dict[str, str]:
    """The calls a function returns or yields, by text, with the verb that says how."""
    found = {}
    for node in ast.walk(function):
        if isinstance(node, tuple(_VERBS)):
            call = _call(node.value)
            if call is not None:
                found.setdefault(ast.unparse(call), _VERBS[type(node)])
    return found


def _alone(function: ast.AST) -> list[tuple[int, ast.Call]]:
    """The calls a function makes as statements of their own (their value unused)."""
    return [(node.lineno, call) for node in ast.walk(function)
            if isinstance(node, ast.Expr) and (call := _call(node.value)) is not None]


def _call(value: ast.AST | None) -> ast.Call | None:
    if isinstance(value, ast.Await):
        value = value.value
    return value if isinstance(value, ast.Call) else None
