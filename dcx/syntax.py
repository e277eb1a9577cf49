"""Parsing Python that dcx did not write — a repository's files, a model's replies — in one
place: every way such text can fail to parse is None, never an exception, and code nested
deeper than dcx's checks can walk is told apart before they walk it.

Python's parser gives up on a long ``a + b + ...`` chain with RecursionError (a few thousand
terms) or MemoryError, not SyntaxError; and a tree it does build can still be too deep for
the recursive walks over it (pyflakes', some of dcx's own checks) at the interpreter's
recursion limit. A repository file or a looping reply must not end a run with a traceback."""

from __future__ import annotations

import ast
from typing import Literal

MAX_DEPTH = 150  # nesting levels of a tree the checks walk; the interpreter's limit is 1000 calls
TOO_DEEP = (f"the code nests deeper than dcx can check ({MAX_DEPTH} levels; a chain of hundreds of "
            "`+` does): write it with fewer nested operations, a loop, sum() or str.join")
_FAILURES = (SyntaxError, ValueError, MemoryError, RecursionError)


def parsed(text: str, mode: Literal["exec", "eval"] = "exec") -> ast.AST | None:
    """The tree of ``text``, or None when Python cannot parse it (bad syntax, a NUL byte, code
    nested too deep for the parser)."""
    try:
        return ast.parse(text, mode=mode)
    except _FAILURES:
        return None


def parsed_module(text: str) -> ast.Module | None:
    """``parsed`` for a whole file."""
    tree = parsed(text)
    return tree if isinstance(tree, ast.Module) else None


def depth(tree: ast.AST, limit: int = MAX_DEPTH) -> int:
    """How many levels deep ``tree`` nests, counted without recursion; counting stops past
    ``limit`` (then the result is ``limit + 1``)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > limit:
            return limit + 1
        stack.extend((child, level + 1) for child in ast.iter_child_nodes(node))
    return deepest


def too_deep(tree: ast.AST) -> bool:
    """Does ``tree`` nest deeper than the checks can walk?"""
    return depth(tree) > MAX_DEPTH


def walkable_module(text: str) -> ast.Module | None:
    """The tree of a whole file for a walk by recursion (pyflakes, ast.dump, ast.unparse, a
    visitor of dcx's own): None when it does not parse or nests deeper than MAX_DEPTH."""
    tree = parsed_module(text)
    return None if tree is None or too_deep(tree) else tree


def nests_too_deep(text: str) -> bool:
    """Is ``text`` Python nested too deep for the parser or for the checks? (False when it does
    not parse for another reason: that is a syntax error, told as such.)"""
    try:
        tree = ast.parse(text)
    except (MemoryError, RecursionError):
        return True
    except (SyntaxError, ValueError):
        return False
    return too_deep(tree)
