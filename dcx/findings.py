"""Known bug patterns in the definitions the code model is asked to look at first, as a linter
would flag them (flake8-bugbear's B006 and B909): a list, dict or set default that the function
changes, returns or keeps, which every call shares; a list that a loop takes items out of while
it goes over it. A small model shown `add_tag(tag, tags=[])` and "tags leak between calls"
copied the function unchanged four times, even written anew from its signature: the pattern is
plain to a check and invisible to the model, so dcx names it in the prompt. Only patterns that
are wrong wherever they occur are listed (a default named as a cache, ``memo={}``, is shared on
purpose; a loop left right after taking one item out is fine): a finding is evidence, never a
guess."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from dcx.syntax import walkable_module
from dcx.targets import own_nodes, python_definitions

_MUTATORS = {"append", "extend", "insert", "add", "update", "setdefault", "pop", "popitem",
             "remove", "discard", "clear", "sort", "reverse"}
_EMPTY = {"list": "[]", "dict": "{}", "set": "set()"}
_CACHES = ("memo", "cache")  # a default shared on purpose


@dataclass(frozen=True)
class Finding:
    path: str
    name: str  # the qualified definition
    line: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.name} in {self.path} (line {self.line}): {self.message}"


def findings(path: str, text: str, names: set[str]) -> list[Finding]:
    """The findings in the definitions of ``text`` named in ``names`` (qualified names), in
    order of line; none when the file does not parse or nests too deep to walk."""
    tree = walkable_module(text)  # ast.unparse recurses
    if tree is None:
        return []
    found = [Finding(path, name, line, message) for name, node in python_definitions(tree)
             if name in names and not isinstance(node, ast.ClassDef)
             for line, message in _shared_defaults(node) + _shrunk_while_looped(node)]
    return sorted(found, key=lambda f: f.line)


def _shared_defaults(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[int, str]]:
    """A parameter whose default is a list, dict or set that the function changes or returns:
    Python makes the default once, so every call that leaves the argument out shares it."""
    args = function.args
    positional = args.posonlyargs + args.args
    pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults, strict=True))
    pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
    messages = []
    for arg, default in pairs:
        shown = _mutable(default)
        deliberate = any(word in arg.arg.lower() for word in _CACHES)  # def fib(n, memo={})
        if shown and not deliberate and _changed_or_returned(function, arg.arg):
            messages.append((function.lineno,
                f"the default of {arg.arg} ({arg.arg}={shown}) is one object, made once when the "
                f"function is defined and shared by every call that leaves {arg.arg} out, so "
                f"what one call puts in it the next call sees (use None as the default and make "
                f"a new one in the body)"))
    return messages


def _shrunk_while_looped(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[int, str]]:
    """A ``for`` loop over a list that its body takes items out of (``remove``, ``pop``,
    ``del xs[i]``) and goes on: the loop then skips the item after each one taken out."""
    found = []
    for loop in own_nodes(function):
        if not isinstance(loop, ast.For):
            continue
        seq = loop.iter.id if isinstance(loop.iter, ast.Name) else ast.unparse(loop.iter) \
            if isinstance(loop.iter, ast.Attribute) else None
        inside = [n for statement in loop.body for n in ast.walk(statement)]
        if seq is None or any(isinstance(n, (ast.Break, ast.Return, ast.Raise)) for n in inside):
            continue  # taking one out and leaving the loop is fine
        for node in inside:
            shrinks = (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                       and node.func.attr in ("remove", "pop") and ast.unparse(node.func.value) == seq) or (
                isinstance(node, ast.Delete) and any(isinstance(t, ast.Subscript)
                                                     and ast.unparse(t.value) == seq for t in node.targets))
            if shrinks:
                found.append((loop.lineno, f"the loop `for ... in {seq}` takes items out of {seq} while "
                              f"it goes over it, so it skips the item after each one taken out (loop "
                              f"over a copy, or build a new list)"))
                break
    return found


def _mutable(default: ast.expr) -> str:
    if isinstance(default, (ast.List, ast.Dict, ast.Set)):
        return ast.unparse(default)
    if (isinstance(default, ast.Call) and isinstance(default.func, ast.Name)
            and default.func.id in _EMPTY and not default.args and not default.keywords):
        return ast.unparse(default)
    return ""


def _changed_or_returned(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """``name`` is changed in place (a mutating method, an item assigned, deleted or ``+=``,
    ``+=`` itself), returned, or kept in an attribute (``self.items = items``), and never
    rebound in the function's own body (``acc = list(acc)``: dcx cannot tell, says nothing)."""
    def is_name(node: ast.AST) -> bool:
        return isinstance(node, ast.Name) and node.id == name

    own = list(own_nodes(function))
    if any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in own):
        return False
    for node in own:
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and is_name(node.func.value) and node.func.attr in _MUTATORS):
            return True
        targets = (node.targets if isinstance(node, (ast.Assign, ast.Delete))
                   else [node.target] if isinstance(node, ast.AugAssign) else [])
        if any(isinstance(t, ast.Subscript) and is_name(t.value) for t in targets):
            return True
        if isinstance(node, ast.AugAssign) and is_name(node.target):
            return True
        if isinstance(node, ast.Return) and node.value is not None and is_name(node.value):
            return True
        if isinstance(node, ast.Assign) and is_name(node.value) and any(
                isinstance(t, ast.Attribute) for t in node.targets):
            return True
    return False


