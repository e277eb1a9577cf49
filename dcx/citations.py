"""Citations in an answer (`stats/core.py:4` (mean)) checked against the files: a citation to a
file that does not exist, or to a line past its end, is dropped; one whose line is outside the
function or class the answer names beside it is moved to that definition's first line. Answers
stream: ``CitationStream`` shows a reply a word at a time, each citation checked before it is
shown, holding back only the few words after a path (where the name it cites may follow).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from dcx.errors import PathError
from dcx.patch import split_lines
from dcx.targets import Symbol, symbols_of
from dcx.workspace import Workspace

_PATH = r"(?<![\w/:.@-])(?:\./)?(?:[\w.-]+/)*[\w-][\w.-]*\.[A-Za-z][A-Za-z0-9]{0,7}"
CITE = re.compile(rf"(?P<path>{_PATH})`?(?::(?P<line>\d+)|,?\s\(?lines?\s(?P<line2>\d+))"
                  r"(?P<end>\s?[-–]\s?\d+)?")
PATH = re.compile(_PATH)
_NAME = re.compile(r"[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*")
WINDOW = 40  # characters around a citation searched for the name it cites (in its sentence)
_SENTENCE_END = re.compile(r"[.;:!?]\s|\n|\)")
DROPPED = "\x00"  # where a dropped citation was, until the text around it is tidied
MODULE = "<module>"  # the name of a citation outside every definition


@dataclass(frozen=True)
class Citation:
    path: str
    line: int  # 1-based
    name: str  # the innermost definition holding the line, or MODULE

    def __str__(self) -> str:
        return f"{self.path}:{self.line} ({self.name})"

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "name": self.name}


class Places:
    """The files an answer may cite, read from the working tree on first use."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._texts: dict[str, str | None] = {}

    def text(self, path: str) -> str | None:
        if path not in self._texts:
            try:
                self._texts[path] = self.workspace.read(path).text
            except PathError:
                self._texts[path] = None
        return self._texts[path]

    def resolve(self, given: str) -> str | None:
        """The repository path ``given`` means: itself, or the one file whose path ends with it."""
        given = given.removeprefix("./")
        if given in self.workspace.files:
            return given if self.text(given) is not None else None
        ends = [p for p in self.workspace.files if p.endswith("/" + given)]
        return ends[0] if len(ends) == 1 and self.text(ends[0]) is not None else None

    def symbols(self, path: str) -> list[Symbol]:
        text = self.text(path)
        return symbols_of(path, text) if text else []

    def lines(self, path: str) -> int:
        return len(split_lines(self.text(path) or ""))

    def innermost(self, path: str, line: int) -> str:
        holding = [s for s in self.symbols(path) if s.start < line <= s.end]
        return min(holding, key=lambda s: s.end - s.start).name if holding else MODULE

    def first_line(self, path: str, symbol: Symbol) -> int:
        """The 1-based line of ``symbol``'s ``def`` or ``class`` (after its decorators)."""
        short = re.escape(symbol.name.rsplit(".", 1)[-1])
        lines = split_lines(self.text(path) or "")
        for n in range(symbol.start, min(symbol.end, len(lines))):
            if re.match(rf"\s*(async\s+def|def|class)\s+{short}\b", lines[n]):
                return n + 1
        return symbol.start + 1

    def named(self, path: str, names: Iterable[str]) -> Symbol | None:
        """The first of ``names`` that is a definition of ``path`` (qualified or short)."""
        symbols = self.symbols(path)
        for name in names:
            for s in symbols:
                if name == s.name or name == s.name.rsplit(".", 1)[-1]:
                    return s
        return None


def check(places: Places, given: str, line: int, names: list[str]) -> tuple[Citation | None, str]:
    """The citation ``given``:``line`` means, with the names written beside it, and a note when
    it was fixed or dropped ("" when it stands as written)."""
    path = places.resolve(given)
    if path is None:
        return None, f"dropped {given}:{line}: there is no such file"
    valid = 1 <= line <= places.lines(path)
    symbol = places.named(path, names)
    if symbol is not None and not (valid and symbol.start < line <= symbol.end):
        fixed = Citation(path, places.first_line(path, symbol), symbol.name)
        return fixed, f"fixed {given}:{line} to {fixed}"
    if not valid:
        return None, f"dropped {given}:{line}: {path} has {places.lines(path)} lines"
    cited = Citation(path, line, places.innermost(path, line))
    return cited, "" if path == given else f"fixed {given}:{line} to {cited}"


def names_near(before: str, after: str) -> list[str]:
    """Identifiers written beside a citation, nearest first: just after it (`x.py:4` (mean)),
    then just before it (mean at x.py:4)."""
    after = _SENTENCE_END.split(after[:WINDOW], 1)[0]
    before = _SENTENCE_END.split(before[-WINDOW:])[-1]
    following = [n.rstrip(".") for n in _NAME.findall(after)]
    preceding = [n.rstrip(".") for n in _NAME.findall(before)][::-1]
    return following[:3] + preceding[:4]


class CitationStream:
    """Feeds a streamed reply to ``emit`` with each citation checked: ``feed`` is a watcher."""

    def __init__(self, places: Places, emit: Callable[[str], None],
                 stop: Callable[[], bool] = lambda: False) -> None:
        self.places = places
        self.emit = emit
        self.stop = stop  # asked after each piece: True ends the reply there
        self.shown = ""  # what was emitted so far
        self.pending = ""
        self.citations: list[Citation] = []
        self.notes: list[str] = []

    def feed(self, piece: str) -> bool:
        self.pending += piece
        cut = max(self.pending.rfind(" "), self.pending.rfind("\n")) + 1
        for match in PATH.finditer(self.pending[:cut]):
            if len(self.pending) - match.end() < WINDOW:  # what follows a path may be its line
                cut = max(0, self.pending.rfind(" ", 0, match.start()),  # with its backtick,
                          self.pending.rfind("\n", 0, match.start()) + 1)  # and the space before
                break
        if cut > 0:
            self._flush(cut)
        return self.stop()

    def finish(self) -> str:
        """Show the rest; the whole reply as shown."""
        self._flush(len(self.pending))
        return self.shown

    def _flush(self, cut: int) -> None:
        chunk, after = self.pending[:cut], self.pending
        out, last = [], 0
        for m in CITE.finditer(chunk):
            before = self.shown + "".join(out) + chunk[last:m.start()]
            out.append(chunk[last:m.start()])
            out.append(self._checked(m, before, after[m.end():]))
            last = m.end()
        out.append(chunk[last:])
        text = _tidy("".join(out))
        self.emit(text)
        self.shown += text
        self.pending = self.pending[cut:]

    def _checked(self, m: re.Match[str], before: str, after: str) -> str:
        """The text a citation becomes: as written, fixed, or DROPPED (tidied away later)."""
        group = "line" if m.group("line") else "line2"
        written = int(m.group(group))
        cited, note = check(self.places, m.group("path"), written, names_near(before, after))
        if note:
            self.notes.append(note)
        if cited is None:
            return DROPPED
        if cited not in self.citations:
            self.citations.append(cited)
        text, start = m.group(0), m.start()
        rest = text[m.end(group) - start:]
        if cited.line != written and m.group("end"):
            rest = rest[: len(rest) - len(m.group("end"))]  # a range no longer fits the line
        return cited.path + text[m.end("path") - start:m.start(group) - start] + str(cited.line) + rest


def _tidy(text: str) -> str:
    """``text`` without its dropped citations, and the backticks or parentheses around them."""
    return re.sub(rf" ?(\(`?{DROPPED}`?\)|`?{DROPPED}`?)", "", text)


def mentioned(places: Places, answer: str, paths: Iterable[str],
              cited: Iterable[Citation]) -> list[Citation]:
    """Definitions the answer names in code form (`mean`, mean()) without a line, found in the
    files it mentions or was shown (``paths``) when exactly one of them defines the name; those
    it cites already are left out."""
    files = list(dict.fromkeys([p for m in PATH.finditer(answer)
                                if (p := places.resolve(m.group())) is not None] + list(paths)))
    names = set(re.findall(r"`([A-Za-z_][\w.]*)(?:\(\))?`", answer))
    names |= set(re.findall(r"\b([A-Za-z_][\w.]*)\(", answer))
    have = {(c.path, c.name) for c in cited}
    found = []
    for name in sorted(names):
        hits = [(p, s) for p in files if (s := places.named(p, [name])) is not None]
        if len(hits) == 1 and (hits[0][0], hits[0][1].name) not in have:
            path, symbol = hits[0]
            found.append(Citation(path, places.first_line(path, symbol), symbol.name))
    return found
