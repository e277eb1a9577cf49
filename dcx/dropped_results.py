"""A change that keeps a call but throws away what it returned. Asked to fix ``kheapsort``, a
small model turned ``yield heapq.heappushpop(heap, x)`` into ``if x < heap[0]:
heapq.heappushpop(heap, x)``: the call stayed, and what the generator yielded for each element
was gone (a test that passed broke).

For each function in both versions, a call that the old function returned or yielded (the whole
value of a ``return``, ``yield`` or ``yield from``, awaited or not) and that the new function
makes only as a statement of its own, with the value unused and returned or yielded nowhere, is
reported. A call the old function also made as a statement, or one the new function still
returns or yields somewhere, is left alone.

The same reply, written again after the test file was no longer shown twice, dropped the
``yield`` and the call both (``if len(heap) < k: heapq.heappush(heap, x) else: ...``): so a
loop of a generator that yielded on every pass and that the new function still runs (the same
``for`` target over the same iterable) with no ``yield`` left in it is reported too.
"""

from __future__ import annotations

import ast

from dcx.lines import clipped
from dcx.targets import function_pairs, own_nodes

_VERBS = {ast.Return: "returned", ast.Yield: "yielded", ast.YieldFrom: "yielded from"}


def dropped_results(old: ast.Module, new: ast.Module) -> list[tuple[int, str]]:
    """``(line, message)`` for each call whose value the change stopped returning or yielding,
    and each loop that stopped yielding."""
    found = []
    for pair in function_pairs(old, new):
        calls = _in_function(*pair)
        found += calls + _silent_loops(*pair, {line for line, _ in calls})
    return found


def _silent_loops(where: str, old: ast.AST, new: ast.AST, told: set[int]) -> list[tuple[int, str]]:
    """Loops that yielded on every pass and yield nothing now, but for one holding a call
    already reported (``told``: its lines): one mistake, one message."""
    loops = _own_loops(old)  # a key an old loop had without a yield (an inner loop) is not told apart
    yielding = ({_loop_key(n) for n in loops if _yields_every_pass(n)}
                - {_loop_key(n) for n in loops if not _yields(n)})
    return [(n.lineno, f"in {where}, the loop `for {clipped(_loop_key(n))}` yields nothing now: "
                       f"before the change it yielded on every pass; keep that unless the request "
                       f"asks for it")
            for n in _own_loops(new) if _loop_key(n) in yielding and not _yields(n)
            and not any(n.lineno <= line <= (n.end_lineno or n.lineno) for line in told)]


def _own_loops(function: ast.AST) -> list[ast.For]:
    """The function's ``for`` loops, not those of functions or classes inside it."""
    return [node for node in own_nodes(function) if isinstance(node, ast.For)]


def _loop_key(loop: ast.For) -> str:
    return f"{ast.unparse(loop.target)} in {ast.unparse(loop.iter)}"


def _yields_every_pass(loop: ast.For) -> bool:
    """A ``yield`` statement directly in the loop's body, under no condition."""
    return any(isinstance(s, ast.Expr) and isinstance(s.value, (ast.Yield, ast.YieldFrom))
               for s in loop.body)


def _yields(loop: ast.For) -> bool:
    return any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ast.walk(loop))


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
