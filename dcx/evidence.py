"""What a question is answered from: the repository's definitions ranked for it, shown as
numbered excerpts (path and line numbers) within a token budget.

Python source files are ranked by definition (dcx.localize.rank over dcx.callgraph.build): a
function, class or method whose name the question spells, shares words with it, or is called by
one that does. Other files (other languages, tests, text) are ranked whole by dcx.context; their
best blocks, or their first lines, are shown after the Python definitions. Nothing that scores
zero is shown: a question that matches nothing has no evidence, and is told so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from dcx import callgraph
from dcx.context import CHARS_PER_TOKEN, estimate_tokens, is_test_path, rank_files, words_of
from dcx.errors import PathError
from dcx.lines import numbered
from dcx.localize import rank
from dcx.patch import split_lines
from dcx.targets import Symbol, language_of
from dcx.workspace import Workspace

BUDGET_TOKENS = 1200  # of excerpts shown to the code model for one question
MAX_EXCERPT_LINES = 60  # a longer definition is cut, saying how many lines are left out
MAX_CANDIDATES = 40  # ranked definitions considered for the budget
MAX_OTHER_FILES = 3  # files outside the Python sources shown at most
_ENDINGS = ((1, ("s", "d")), (2, ("ed", "es")), (3, ("ing",)))  # cut to meet names in code
_CONSTANT = re.compile(r"[A-Z][A-Z0-9_]*\s*(:[^=]+)?=")


@dataclass(frozen=True)
class Excerpt:
    path: str
    name: str  # qualified definition name, or "" for a file's first lines
    kind: str  # "function", "class", "block", "constants" or "file"
    start: int  # 1-based first line shown
    end: int  # 1-based last line of the definition (it may be cut: see ``text``)
    score: float
    text: str  # the numbered lines, with a note where lines are left out

    @property
    def header(self) -> str:
        what = f" ({self.kind} {self.name})" if self.name else ""
        return f"{self.path} lines {self.start}-{self.end}{what}:"


@dataclass(frozen=True)
class Evidence:
    question: str
    excerpts: tuple[Excerpt, ...]
    files: int  # files searched
    definitions: int  # definitions searched
    words: tuple[str, ...]  # the question's words dcx searched for

    @property
    def found(self) -> bool:
        return bool(self.excerpts)

    @property
    def text(self) -> str:
        return "\n".join(f"{e.header}\n{e.text}" for e in self.excerpts)

    @property
    def tokens(self) -> int:
        return estimate_tokens(self.text)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.path for e in self.excerpts))

    @property
    def named(self) -> bool:
        """Whether an excerpt's definition is named by the question's words (or their stems):
        then the question is about code that is here, and the model is not invited to say it is
        not (the 1.5B code model said "Not found" of `mean` when invited)."""
        searched = words_of(with_stems(self.question))  # tests' names do not count
        return any(words_of(e.name) & searched for e in self.excerpts
                   if e.name and not is_test_path(e.path))


def readable_texts(workspace: Workspace) -> dict[str, str]:
    """Every file dcx may show the models, as text (files it cannot read are left out)."""
    texts = {}
    for path in workspace.files:
        try:
            texts[path] = workspace.read(path).text
        except PathError:
            continue
    return texts


def is_python_source(path: str) -> bool:
    return (language_of(path) == "python" and not is_test_path(path)
            and path.rsplit("/", 1)[-1] != "conftest.py")


def gather_evidence(workspace: Workspace, question: str, paths: tuple[str, ...] = (),
                    budget_tokens: int = BUDGET_TOKENS) -> Evidence:
    """The excerpts a question is answered from, best first, within ``budget_tokens``. Named
    ``paths`` rank higher (dcx.localize adds to each of their definitions; dcx.context puts
    those files first)."""
    texts = readable_texts(workspace)
    sources = {p: t for p, t in texts.items() if is_python_source(p)}
    graph = callgraph.build(sources)
    searched = with_stems(question)
    ranked = [c for c in rank(searched, sources, graph, paths) if c.score > 0]
    found = [_definition_excerpt(sources[c.path], c.path, c.name, c.kind, graph, c.score)
             for c in ranked[:MAX_CANDIDATES]]
    others = [f for f in rank_files(workspace, searched, list(paths), fix_mode=False)
              if (f.score > 0 or f.named) and f.path not in sources][:MAX_OTHER_FILES]
    for f in others:
        found.append(_other_excerpt(f.path, f.text, f.symbols, question, f.score))
    chosen = _fit(found, budget_tokens, sources)
    words = tuple(sorted(words_of(question)))
    return Evidence(question, tuple(chosen), len(texts), len(graph.definitions), words)


def with_stems(question: str) -> str:
    """``question`` followed by the stems of its longer words ("timestamps parsed": timestamp,
    parse), so that a question in a user's words meets the names in the code."""
    stems = [word[:-n] for word in sorted(words_of(question)) for n, endings in _ENDINGS
             if word.endswith(endings) and len(word) - n >= 4]
    return f"{question}\n{' '.join(stems)}" if stems else question


def _lines_excerpt(path: str, text: str, name: str, kind: str, start: int, end: int,
                   score: float) -> Excerpt:
    """Lines ``start``..``end`` (0-based, end exclusive) numbered, cut at MAX_EXCERPT_LINES."""
    lines = split_lines(text)[start:end]
    shown = "".join(lines[:MAX_EXCERPT_LINES])
    body = numbered(shown, start + 1)
    if len(lines) > MAX_EXCERPT_LINES:
        body += f"     ... ({len(lines) - MAX_EXCERPT_LINES} more lines)\n"
    return Excerpt(path, name, kind, start + 1, max(start + 1, end), score, body)


def _definition_excerpt(text: str, path: str, name: str, kind: str, graph: callgraph.CallGraph,
                        score: float) -> Excerpt:
    d = graph.definitions[(path, name)]
    return _lines_excerpt(path, text, name, kind, d.start, d.end, score)


def _other_excerpt(path: str, text: str, symbols: tuple[Symbol, ...], question: str,
                   score: float) -> Excerpt:
    """A file outside the Python sources: its block that shares most words with the question,
    else its first lines."""
    wanted = words_of(question)
    best = max(symbols, key=lambda s: len(words_of(s.name) & wanted), default=None)
    if best is not None and words_of(best.name) & wanted:
        return _lines_excerpt(path, text, best.name, best.kind, best.start, best.end, score)
    return _lines_excerpt(path, text, "", "file", 0, len(split_lines(text)), score)


def _constants(path: str, text: str) -> Excerpt | None:
    """A file's module-level constants (``WORDS_PER_MINUTE = 200``), which questions ask about
    too, as one small excerpt."""
    lines = split_lines(text)
    kept = [n for n, line in enumerate(lines) if _CONSTANT.match(line)]
    if not kept:
        return None
    body = "".join(numbered(lines[n], n + 1) for n in kept[:12])
    return Excerpt(path, "", "constants", kept[0] + 1, kept[min(len(kept), 12) - 1] + 1, 0.0, body)


def _covered(e: Excerpt, shown: list[Excerpt]) -> bool:
    """Is ``e`` inside an excerpt already shown whole (a method of a class shown)?"""
    return any(s.path == e.path and s.start <= e.start and e.end <= s.end
               and s.end - s.start < MAX_EXCERPT_LINES for s in shown)


def _fit(found: list[Excerpt], budget_tokens: int, sources: Mapping[str, str]) -> list[Excerpt]:
    """The best excerpts that fit the budget (the best one always), each file's constants after
    its first excerpt."""
    budget = int(budget_tokens * CHARS_PER_TOKEN)
    shown: list[Excerpt] = []
    used = 0
    for e in found:
        if _covered(e, shown):
            continue
        extra = [e]
        if e.path in sources and all(s.path != e.path for s in shown):
            constants = _constants(e.path, sources[e.path])
            extra += [constants] if constants is not None else []
        size = sum(len(x.header) + len(x.text) for x in extra)
        if shown and used + size > budget:
            continue
        shown += extra
        used += size
    return shown
