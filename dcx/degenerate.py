"""Replies that have gone wrong while they are written: a small model sometimes loops, writing
the same lines again and again, or definitions with ever longer names. The watcher sees the
reply as it streams and stops it early (the time is not wasted on the rest); a finished reply
that adds many empty definitions nobody asked for is refused too."""

from __future__ import annotations

import ast
import re
from collections import Counter

from dcx.syntax import parsed_module
from dcx.targets import python_definitions

MAX_LINE = 400  # characters: no line of code a model should write is this long
MAX_NAME = 60  # characters of one identifier
BLOCK_REPEATS = 4  # the same block of lines this many times in a row is a loop
MAX_BLOCK = 8  # lines in a repeated block
SAME_LINE = 12  # one meaningful line this many times in a reply is a loop
MAX_EMPTY_DEFINITIONS = 2  # new definitions with empty bodies the request did not name
_NAME = re.compile(r"[A-Za-z_]\w*")
_TRIVIAL = {"", "pass", "...", "}", ")", "]", "});", "return", "else:", "try:", "finally:",
            "end", "fi", "done", '"""', "'''", "```"}


class LoopWatch:
    """A stream watcher (dcx.backends.base.Watcher): True once the reply loops. A line the prompt
    holds (``known``: a file with fourteen `@property` lines, a test file that builds the same
    fixture in every test) may come back as often as it is there, and SAME_LINE times more."""

    def __init__(self, known: str = "") -> None:
        self.lines: list[str] = []
        self.partial = ""
        self.counts: Counter[str] = Counter()
        self.allowed: Counter[str] = Counter(line.strip() for line in known.splitlines())
        self.reason = ""

    def __call__(self, piece: str) -> bool:
        self.partial += piece
        if len(self.partial) > MAX_LINE and "\n" not in self.partial[-MAX_LINE:]:
            self.reason = f"a line longer than {MAX_LINE} characters"
            return True
        *done, self.partial = self.partial.split("\n")
        for line in done:
            if self._add(line):
                return True
        return False

    def _add(self, line: str) -> bool:
        self.lines.append(line.rstrip())
        stripped = line.strip()
        if any(len(name) > MAX_NAME for name in _NAME.findall(stripped)):
            self.reason = f"a name longer than {MAX_NAME} characters"
            return True
        if stripped not in _TRIVIAL and len(stripped) > 3:
            self.counts[stripped] += 1
            if self.counts[stripped] >= SAME_LINE + self.allowed[stripped]:
                self.reason = f"the line {stripped[:60]!r} {SAME_LINE} times"
                return True
        return self._block_repeats()

    def _block_repeats(self) -> bool:
        for size in range(1, MAX_BLOCK + 1):
            span = size * BLOCK_REPEATS
            if len(self.lines) < span:
                return False
            tail = self.lines[-span:]
            block = tail[:size]
            if all(not line.strip() for line in block) or sum(len(line.strip()) for line in block) < 12:
                continue
            if all(tail[i * size:(i + 1) * size] == block for i in range(BLOCK_REPEATS)):
                self.reason = f"the same {size} line{'s' if size > 1 else ''} {BLOCK_REPEATS} times in a row"
                return True
        return False


def empty_definitions_reason(old: str, new: str, request: str) -> str | None:
    """Why a Python change adds too many definitions whose body does nothing (``pass``, ``...``)
    and which the request does not name; None when it does not."""
    before, after = _empty(old), _empty(new)
    if before is None or after is None:
        return None
    words = set(_NAME.findall(request))
    added = [name for name in after - before if name.rsplit(".", 1)[-1] not in words]
    if len(added) <= MAX_EMPTY_DEFINITIONS:
        return None
    return (f"the change adds {len(added)} functions that do nothing ({', '.join(sorted(added)[:4])}, "
            "...), which the request does not ask for")


def _empty(text: str) -> set[str] | None:
    """Qualified names of functions whose body is only a docstring, ``pass`` or ``...``."""
    tree = parsed_module(text)
    if tree is None:
        return None
    found: set[str] = set()
    for name, node in python_definitions(tree):
        if isinstance(node, ast.ClassDef):
            continue
        rest = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        if all(isinstance(s, ast.Pass) for s in rest):
            found.add(name)
    return found
