"""A new parameter with a default must leave a caller that does not pass it where it was. Asked
to let ``import_csv`` take ``skip_rows=N`` (default 0), a small model wrote each error's line
number as ``line + 1 - skip_rows``: with ``skip_rows`` left out that is ``line + 1`` where the
code said ``line``, and every existing caller's messages moved by one.

For each function a change gives parameters it did not have, with constant defaults, the new body
is read with the defaults in place of the parameters and simplified (``x + 0`` is ``x``, an
``if`` whose test becomes constant is the branch it takes, an argument passing a parameter on at
its default is as if left out) and compared, statement by statement, with the old body. A
statement that names a new parameter, came back as a version of an old statement, and differs
from it only in the parts that named the parameter is reported: with the parameter left out it
no longer does what the old one did. New statements (a guard on the parameter), statements that
do not name one, and statements that changed elsewhere too are not this check's business; nor
is a statement naming a new parameter without a constant default, one the body rebinds, or one
whose name the old function already used: there the substitution would not hold.
"""

from __future__ import annotations

import ast
import copy
import difflib
import operator
from dataclasses import dataclass

from dcx.lines import clipped
from dcx.targets import function_pairs

_SIMILAR = 0.6  # how alike an old and a new statement must be to count as versions of one
_BODIES = ("body", "handlers", "orelse", "finalbody")
_ARITHMETIC = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul}
_COMPARISONS = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
                ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
                ast.Is: operator.is_, ast.IsNot: operator.is_not}


@dataclass(frozen=True)
class _Statement:
    text: str  # one line, as read with the new parameters at their defaults, simplified
    node: ast.AST | None  # that line's tree (a compound statement without its bodies)
    mentions: frozenset[str]  # the new parameters the line names
    line: int


def changed_at_default(old: ast.Module, new: ast.Module) -> list[tuple[int, str]]:
    """``(line, message)`` for each statement of ``new`` that, with the parameters a function
    gained left at their defaults, is a changed version of a statement of it in ``old``."""
    found = []
    for name, before, function in function_pairs(old, new):
        defaults, unknown = _new_parameters(before, function)
        if defaults:
            found += _differences(name, before, function, defaults, unknown)
    return found


def _parameters(arguments: ast.arguments) -> list[str]:
    return [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs,
                            arguments.vararg, arguments.kwarg) if a is not None]


def _new_parameters(old: ast.FunctionDef | ast.AsyncFunctionDef,
                    new: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[dict[str, object], set[str]]:
    """The parameters ``new`` has and ``old`` had not: those with a constant default the body
    never rebinds (name -> default), and the others. Nothing when an old parameter is gone (a
    signature changed, not an option added)."""
    had = _parameters(old.args)
    if not set(had) <= set(_parameters(new.args)):
        return {}, set()
    positional = [*new.args.posonlyargs, *new.args.args]
    with_default = positional[len(positional) - len(new.args.defaults):]
    given = {a.arg: d for a, d in zip(with_default, new.args.defaults, strict=True)}
    given.update((a.arg, d) for a, d in zip(new.args.kwonlyargs, new.args.kw_defaults, strict=True)
                 if d is not None)
    old_names = {n.id for n in ast.walk(old) if isinstance(n, ast.Name)}
    added = [name for name in _parameters(new.args) if name not in had]
    defaults = {name: given[name].value for name in added
                if isinstance(given.get(name), ast.Constant) and name not in old_names
                and not _rebound(new, name)}
    return defaults, set(added) - set(defaults)


def _rebound(function: ast.AST, name: str) -> bool:
    """Whether the body assigns ``name``, declares it global or nonlocal, or a nested function
    or lambda takes a parameter of that name."""
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
            return True
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
        if node is not function and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) \
                and name in _parameters(node.args):
            return True
        if isinstance(node, ast.ExceptHandler) and node.name == name:
            return True
    return False


def _differences(where: str, old: ast.AST, new: ast.AST, defaults: dict[str, object],
                 unknown: set[str]) -> list[tuple[int, str]]:
    """The statements of ``new`` that name a new parameter and, read at the defaults, differ
    from the old statement they are a version of only where they name it."""
    fold = _AtDefault(defaults, unknown)
    was = _statements(old.body, fold)
    now = _statements(new.body, fold)
    found = []
    matcher = difflib.SequenceMatcher(None, [s.text for s in was], [s.text for s in now], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        olds = {s.text: s for s in was[i1:i2]}
        for statement in now[j1:j2]:
            if not statement.mentions or statement.mentions & unknown or statement.text in olds:
                continue
            ratio, closest = max((difflib.SequenceMatcher(None, o, statement.text).ratio(), o) for o in olds)
            if ratio < _SIMILAR or _unexplained(olds[closest].node, statement.node):
                continue
            names = sorted(statement.mentions)
            at = " and ".join(f"{n}={defaults[n]!r}" for n in names)
            found.append((statement.line,
                          f"with {' and '.join(names)} left out (so {at}), {where} now does "
                          f"`{clipped(statement.text)}` where it did `{clipped(closest)}`; a caller that "
                          f"does not pass {' or '.join(names)} must get what it got before the change"))
    return found


def _unexplained(old: ast.AST | None, new: ast.AST | None) -> bool:
    """Whether ``new`` differs from ``old`` anywhere but in an expression read from one that
    named a new parameter: then the statement changed for some other reason too, which is not
    this check's business."""
    if old is None or new is None:
        return True
    if type(old) is not type(new):
        return not _named(new)
    if isinstance(new, ast.Call):  # keywords by name
        before = {k.arg: k.value for k in old.keywords}
        after = {k.arg: k.value for k in new.keywords}
        if any(not _named(after.get(k, new)) if (k in after) != (k in before)
               else _unexplained(before[k], after[k]) for k in after.keys() | before.keys()):
            return True
    for field, value in ast.iter_fields(new):
        other = getattr(old, field, None)
        if isinstance(new, ast.Call) and field == "keywords":
            continue
        if isinstance(value, ast.AST):
            if _unexplained(other, value):
                return True
        elif isinstance(value, list):
            if _unexplained_items(other if isinstance(other, list) else [], value):
                return True
        elif field != "ctx" and value != other:
            return not _named(new)
    return False


def _unexplained_items(old: list, new: list) -> bool:
    """``_unexplained`` for a list of nodes (arguments, an ``or``'s operands...), aligned: an
    item the new list adds must be read from one naming a parameter; one it lost is unexplained."""
    if len(old) == len(new):
        return any(_unexplained(o, n) if isinstance(n, ast.AST) else o != n
                   for o, n in zip(old, new, strict=True))
    dumps = [[ast.dump(n) if isinstance(n, ast.AST) else repr(n) for n in items] for items in (old, new)]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, *dumps, autojunk=False).get_opcodes():
        if tag == "delete" or (tag == "replace" and i2 - i1 > j2 - j1):
            return True
        if tag == "replace" and i2 - i1 == j2 - j1:
            if _unexplained_items(old[i1:i2], new[j1:j2]):
                return True
        elif tag != "equal" and not all(isinstance(n, ast.AST) and _named(n) for n in new[j1:j2]):
            return True
    return False


def _named(node: ast.AST) -> bool:
    """Whether ``node`` is an expression read from one that named a new parameter (a statement
    that names one is no explanation for the rest of it changing)."""
    return isinstance(node, ast.expr) and getattr(node, "dcx_named", False)


def _statements(body: list[ast.stmt], fold: _AtDefault) -> list[_Statement]:
    """The statements of ``body``, nested ones in order, each as one line (a compound statement
    by its header): read at the defaults, with ``if``s whose test is then constant replaced by
    the branch they take."""
    found: list[_Statement] = []
    for statement in body:
        if isinstance(statement, (ast.If, ast.While)):
            test = _as_condition(fold.visit(copy.deepcopy(statement.test)))
            if isinstance(test, ast.Constant) and isinstance(statement, ast.If):
                found += _statements(statement.body if test.value else statement.orelse, fold)
                continue
        found.append(_line(statement, fold))
        for field in _BODIES:
            children = _children_in(statement, field)
            if children and field in ("orelse", "finalbody"):
                found.append(_Statement(f"{field}:", None, frozenset(), statement.lineno))
            for child in children:
                if isinstance(child, ast.ExceptHandler):
                    found.append(_line(child, fold))
                    found += _statements(child.body, fold)
                else:
                    found += _statements([child], fold)
    return found


def _line(statement: ast.AST, fold: _AtDefault) -> _Statement:
    """A statement without its bodies, read at the defaults."""
    shallow = copy.copy(statement)
    for field in _BODIES:
        if isinstance(getattr(shallow, field, None), list):
            setattr(shallow, field, [ast.Pass()] if field == "body" else [])
    mentions = frozenset(n.id for n in ast.walk(shallow)
                         if isinstance(n, ast.Name) and n.id in fold.mentionable)
    folded = fold.visit(copy.deepcopy(shallow))
    if isinstance(folded, (ast.If, ast.While)):
        folded.test = _as_condition(folded.test)
    lines = ast.unparse(folded).splitlines()
    text = next((line for line in lines if not line.lstrip().startswith("@")), lines[0]) if lines else ""
    return _Statement(text, folded, mentions, getattr(statement, "lineno", 0))


def _children_in(node: ast.AST, field: str) -> list[ast.AST]:
    """A statement's nested statements in ``field`` ("body", "orelse"...); none when it has none."""
    children = getattr(node, field, None)
    return children if isinstance(children, list) else []


def _as_condition(test: ast.AST) -> ast.AST:
    """A test read for its truth: ``x and True`` is ``x``, ``x or False`` is ``x``."""
    if not isinstance(test, ast.BoolOp):
        return test
    neutral = bool if isinstance(test.op, ast.And) else (lambda value: not value)  # decides nothing
    values = [v for v in (_as_condition(v) for v in test.values)
              if not (isinstance(v, ast.Constant) and neutral(v.value))]
    if not values:
        return ast.copy_location(ast.Constant(isinstance(test.op, ast.And)), test)
    if len(values) == 1:
        return values[0]
    test.values = values
    return test


class _AtDefault(ast.NodeTransformer):
    """The new parameters replaced by their defaults and what that makes constant simplified;
    keyword arguments and trailing positional arguments at a default value dropped on both
    sides (passing an option on at its default is taken as not passing it). Each node of the
    result that was read from a part naming a parameter is marked ``dcx_named``."""

    def __init__(self, defaults: dict[str, object], others: set[str]):
        self.defaults = defaults
        self.names = frozenset(defaults)
        self.mentionable = self.names | others  # what a line that mentions a new parameter names
        self._named = False

    def visit(self, node: ast.AST) -> ast.AST:
        outer, self._named = self._named, False
        result = super().visit(node)
        named = self._named or (isinstance(node, ast.Name) and node.id in self.names)
        if named and isinstance(result, ast.AST):
            result.dcx_named = True
        self._named = outer or named
        return result

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.names and isinstance(node.ctx, ast.Load):
            return ast.copy_location(ast.Constant(self.defaults[node.id]), node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        while node.args and isinstance(node.args[-1], ast.Constant) and self._a_default(node.args[-1].value):
            node.args.pop()
        node.keywords = [k for k in node.keywords if not (k.arg and isinstance(k.value, ast.Constant)
                                                          and self._a_default(k.value.value))]
        if isinstance(node.func, ast.Name) and node.func.id == "range" and len(node.args) == 2 \
                and isinstance(node.args[0], ast.Constant) and _same(node.args[0].value, 0):
            node.args = node.args[1:]
        return node

    def _a_default(self, value: object) -> bool:
        return any(_same(value, default) for default in self.defaults.values())

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        left, right, op = node.left, node.right, type(node.op)
        constant = isinstance(left, ast.Constant), isinstance(right, ast.Constant)
        if all(constant) and op in _ARITHMETIC and _numbers(left.value, right.value):
            return ast.copy_location(ast.Constant(_ARITHMETIC[op](left.value, right.value)), node)
        if constant[1] and _numbers(right.value) and ((op in (ast.Add, ast.Sub) and right.value == 0)
                                                      or (op is ast.Mult and right.value == 1)):
            return left
        if constant[0] and _numbers(left.value) and ((op is ast.Add and left.value == 0)
                                                     or (op is ast.Mult and left.value == 1)):
            return right
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.operand, ast.Constant):
            value = node.operand.value
            if isinstance(node.op, ast.Not):
                return ast.copy_location(ast.Constant(not value), node)
            if isinstance(node.op, ast.USub) and _numbers(value):
                return ast.copy_location(ast.Constant(-value), node)
        return node

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        if len(node.ops) == 1 and type(node.ops[0]) in _COMPARISONS \
                and isinstance(node.left, ast.Constant) and isinstance(node.comparators[0], ast.Constant):
            try:
                value = _COMPARISONS[type(node.ops[0])](node.left.value, node.comparators[0].value)
            except TypeError:
                return node
            return ast.copy_location(ast.Constant(bool(value)), node)
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        values = list(node.values)
        while len(values) > 1 and isinstance(values[0], ast.Constant):
            decided = bool(values[0].value) != isinstance(node.op, ast.And)  # false for and, true for or
            if decided:
                return values[0]
            values.pop(0)
        if len(values) == 1:
            return values[0]
        node.values = values
        return node

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:
        self.generic_visit(node)
        node.test = _as_condition(node.test)
        if isinstance(node.test, ast.Constant):
            return node.body if node.test.value else node.orelse
        return node

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        self.generic_visit(node)
        part = node.slice
        whole = _empty(part.lower) or (isinstance(part.lower, ast.Constant) and _same(part.lower.value, 0)) \
            if isinstance(part, ast.Slice) else False
        if whole and part.step is None and _empty(part.upper):
            return node.value  # x[0:], x[:None]: the whole of x (a copy, read the same)
        return node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        self.generic_visit(node)
        parts: list[ast.AST] = []
        for part in node.values:
            plain = isinstance(part, ast.FormattedValue) and part.conversion == -1 and not part.format_spec
            if plain and isinstance(part.value, ast.Constant) and isinstance(part.value.value, str):
                part = ast.Constant(part.value.value)
            if parts and isinstance(part, ast.Constant) and isinstance(parts[-1], ast.Constant):
                parts[-1] = ast.Constant(parts[-1].value + part.value)
            else:
                parts.append(part)
        if len(parts) == 1 and isinstance(parts[0], ast.Constant):
            return ast.copy_location(parts[0], node)
        node.values = parts
        return node


def _numbers(*values: object) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def _same(value: object, default: object) -> bool:
    return type(value) is type(default) and value == default


def _empty(node: ast.AST | None) -> bool:
    return node is None or (isinstance(node, ast.Constant) and node.value is None)
