"""A change that adds a special case leaves the other cases as they were. Asked why December's
range was wrong, a small model wrote ``if month == 12: ... else: ...`` and, copying the old two
lines into the ``else``, kept the first and dropped ``- timedelta(days=1)`` from the second:
December came right and every other month wrong by a day.

For each ``if``/``else`` a change adds to a function (its test is not one the old function had),
the branch that keeps more of the function's old statements word for word than the other is
taken to be the old path. A statement of that branch that is a near copy of an old statement,
of the same kind and with the same target, written with names the old function had, where the
old one appears nowhere in the new function, is reported. When neither branch keeps more, or a
statement brings in names of its own (new logic, a renamed variable), it is left alone.
"""

from __future__ import annotations

import ast
import difflib

from dcx.lines import clipped
from dcx.targets import function_pairs, own_nodes

_SIMILAR = 0.75  # how alike a statement and an old one must be to count as a copy of it
_BODIES = ("body", "handlers", "orelse", "finalbody")
_TRIVIAL = (ast.Pass, ast.Break, ast.Continue)


def changed_other_cases(old: ast.Module, new: ast.Module) -> list[tuple[int, str]]:
    """``(line, message)`` for each statement of a new branch's old path that changed."""
    return [found for pair in function_pairs(old, new) for found in _in_function(*pair)]


def _in_function(where: str, old: ast.AST, new: ast.AST) -> list[tuple[int, str]]:
    old_lines = {ast.unparse(s): s for s in _simple(old.body)}
    new_lines = {ast.unparse(s) for s in _simple(new.body)}
    old_names = {n.id for n in ast.walk(old) if isinstance(n, ast.Name)}
    old_tests = {ast.unparse(n.test) for n in own_nodes(old) if isinstance(n, ast.If)}
    found = []
    for branch in (n for n in own_nodes(new) if isinstance(n, ast.If) and n.orelse):
        if ast.unparse(branch.test) in old_tests or _is_elif(branch.orelse):
            continue
        kept = [sum(ast.unparse(s) in old_lines and not _trivial(s) for s in _simple(side))
                for side in (branch.body, branch.orelse)]
        if kept[0] == kept[1]:
            continue  # neither branch is more the old path than the other
        side, statements = ("if", branch.body) if kept[0] > kept[1] else ("else", branch.orelse)
        for statement in _simple(statements):
            text = ast.unparse(statement)
            names = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)}
            if text in old_lines or not names <= old_names:
                continue  # kept, or written with names the old code did not have: new logic
            copies = [(difflib.SequenceMatcher(None, text, o).ratio(), o) for o, s in old_lines.items()
                      if o not in new_lines and _same_kind(statement, s)]
            ratio, closest = max(copies, default=(0.0, ""))
            if ratio >= _SIMILAR:
                test = clipped(ast.unparse(branch.test))
                found.append((statement.lineno,
                              f"in {where}, the {side} branch of the new `if {test}:` keeps the old code "
                              f"but changes `{clipped(closest)}` to `{clipped(text)}`: the cases the new "
                              "branch does not handle should do what they did"))
    return found


def _is_elif(orelse: list[ast.stmt]) -> bool:
    return len(orelse) == 1 and isinstance(orelse[0], ast.If)


def _simple(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements without bodies of ``body``, nested ones too (not in nested functions)."""
    found = []
    for statement in body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        children = [c for field in _BODIES if isinstance(getattr(statement, field, None), list)
                    for c in getattr(statement, field)]
        if not children:
            docstring = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            if not docstring:
                found.append(statement)
            continue
        for child in children:
            found += _simple(child.body if isinstance(child, ast.ExceptHandler) else [child])
    return found


def _trivial(statement: ast.stmt) -> bool:
    return isinstance(statement, _TRIVIAL) or (isinstance(statement, ast.Return) and statement.value is None)


def _same_kind(new: ast.stmt, old: ast.stmt) -> bool:
    """Both the same kind of statement, assigning the same targets where they assign."""
    if type(new) is not type(old):
        return False
    if isinstance(new, ast.Assign):
        return [ast.unparse(t) for t in new.targets] == [ast.unparse(t) for t in old.targets]
    if isinstance(new, (ast.AugAssign, ast.AnnAssign)):
        return ast.unparse(new.target) == ast.unparse(old.target)
    return True

