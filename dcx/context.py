"""Deterministic context gathered before the router starts: which files and symbols matter.

Files are ranked against the request: paths named on the command line or in the request come
first, then files whose names, symbols and contents share words with the request, with changed
files nudged up. The best files are shown in full (numbered) while they fit the token budget,
the rest as outlines of their symbols.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from dcx.errors import PathError
from dcx.lines import numbered
from dcx.patch import split_lines
from dcx.targets import DOCUMENTS, Symbol, language_of, symbols_of
from dcx.workspace import Workspace

CHARS_PER_TOKEN = 3.5
MAX_SCANNED_FILES = 3000
_STOP = set(
    "a an the and or of to in on for with is are be it its this that these those fix bug make "
    "when should does doesnt not no from by as at into use add change update return returns "
    "function method class file code please can i we you if so but all any".split()
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def estimate_tokens(text: str) -> int:
    return int(len(text) / CHARS_PER_TOKEN) + 1


def words_of(text: str) -> set[str]:
    """Lower-cased identifier words, with snake_case and camelCase parts added."""
    found: set[str] = set()
    for token in _WORD.findall(text):
        parts = [token] + token.split("_") + re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", token)
        for part in parts:
            part = part.lower()
            if len(part) >= 3 and part not in _STOP:
                found.add(part)
    return found


def is_test_path(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return (
        name.startswith("test_") or name.endswith(("_test.py", ".test.js", ".spec.js", "_test.go"))
        or "/tests/" in f"/{path}" or "/test/" in f"/{path}"
    )


@dataclass(frozen=True)
class RankedFile:
    path: str
    score: float
    named: bool
    symbols: tuple[Symbol, ...]
    text: str


@dataclass(frozen=True)
class Context:
    text: str  # what the router sees
    files: tuple[str, ...]  # every readable file, for the tools' path enum
    ranked: tuple[RankedFile, ...]  # best first
    tokens: int
    named_target: tuple[str, str] | None = None  # (path, symbol) the request names verbatim
    spelled: tuple[tuple[str, str], ...] = ()  # every (path, symbol) the request spells out


def named_in_request(request: str, files: tuple[str, ...]) -> list[str]:
    named = []
    for path in files:
        base = path.rsplit("/", 1)[-1]
        if re.search(rf"(?<![\w/.-]){re.escape(path)}(?![\w-])", request) or (
            "." in base and re.search(rf"(?<![\w.-]){re.escape(base)}(?![\w-])", request)
        ):
            named.append(path)
    return named


def rank_files(
    workspace: Workspace, request: str, named: list[str], fix_mode: bool
) -> list[RankedFile]:
    request_words = words_of(request)
    changed = set(workspace.changed())
    ranked = []
    for path in workspace.files[:MAX_SCANNED_FILES]:
        try:
            text = workspace.read(path).text
        except PathError:
            continue
        symbols = tuple(symbols_of(path, text))
        score = 0.0
        if path in named:
            score += 100
        score += 3 * len(words_of(path) & request_words)
        symbol_words = set().union(*(words_of(s.name) for s in symbols)) if symbols else set()
        score += 4 * len(symbol_words & request_words)
        content_words = words_of(text)
        hits = content_words & request_words
        score += 2 * len(hits) + math.log1p(len(hits))
        if path in changed:
            score += 2
        if fix_mode and is_test_path(path) and path not in named:
            score *= 0.5
        ranked.append(RankedFile(path, score, path in named, symbols, text))
    ranked.sort(key=lambda f: (-f.score, f.path))
    return ranked


def _mention(name: str, request: str) -> int:
    """Where ``name`` first appears in the request as a word (len(request) when it does not)."""
    match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", request)
    return match.start() if match else len(request)


def likely_targets(ranked: list[RankedFile], request: str, limit: int = 3) -> list[tuple[str, str]]:
    """Symbols of the best files whose names share words with the request, best first: a name
    spelled out in the request (qualified, as ``Account.withdraw``, counts more) beats shared
    words, and the name mentioned first wins a tie."""
    request_words = words_of(request)
    named_in_text = set(_WORD.findall(request))
    scored = []
    for order, f in enumerate(ranked[:8]):
        for symbol in f.symbols:
            short = symbol.name.rsplit(".", 1)[-1]
            score = 10 * (short in named_in_text) + len(words_of(symbol.name) & request_words)
            if "." in symbol.name and _mention(symbol.name, request) < len(request):
                score += 5
            if score:
                scored.append((-score, _mention(short, request), order, symbol.start, f.path, symbol.name))
    scored.sort()
    return [(path, name) for *_, path, name in scored[:limit]]


def named_target(ranked: list[RankedFile], request: str,
                 likely: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The likely target whose name the request spells out (``parse_date``, ``Cart.total``),
    outside test files, when exactly one file defines it."""
    identifiers = set(_WORD.findall(request))
    for path, name in likely:
        short = name.rsplit(".", 1)[-1]
        if (short in identifiers or name in request) and not is_test_path(path):
            defining = [f.path for f in ranked for s in f.symbols if s.name.rsplit(".", 1)[-1] == short]
            if len(set(defining)) == 1:
                return path, name
    return None


def spelled_out(ranked: list[RankedFile], request: str) -> list[tuple[str, str]]:
    """(path, symbol) of every definition outside tests and documents whose name the request
    spells out, in the order the request mentions them. (A heading or an example in a page that
    shares a word with the request is not code it names: an exercise's page made the code model
    read "The request names: minute in .docs/instructions.md, str in .docs/instructions.md".)"""
    identifiers = set(_WORD.findall(request))
    found = []
    for f in ranked:
        if is_test_path(f.path) or language_of(f.path) in DOCUMENTS:
            continue
        for symbol in f.symbols:
            short = symbol.name.rsplit(".", 1)[-1]
            if short in identifiers or ("." in symbol.name and symbol.name in request):
                found.append((_mention(short, request), f.path, symbol.name))
    found.sort(key=lambda item: item[0])
    return [(path, name) for _, path, name in found]


def _outline(f: RankedFile) -> str:
    if not f.symbols:
        return f"{f.path}: {len(split_lines(f.text))} lines\n"
    items = ", ".join(f"{s.name} (lines {s.start + 1}-{s.end})" for s in f.symbols[:40])
    return f"{f.path}: {items}\n"


def gather(
    workspace: Workspace, request: str, paths: list[str], budget_tokens: int, fix_mode: bool = True
) -> Context:
    files = tuple(p for p in workspace.files)
    named = list(dict.fromkeys(paths + named_in_request(request, files)))
    ranked = [f for f in rank_files(workspace, request, named, fix_mode)]
    budget = int(budget_tokens * CHARS_PER_TOKEN)
    listing = [f.path for f in ranked if f.score > 0][:30] or [f.path for f in ranked][:30]
    parts = [f"Repository files ({len(ranked)} readable):\n" + "".join(f"- {p}\n" for p in listing)]
    changed = [p for p in workspace.changed() if p in files]
    if changed:
        parts.append("Files with uncommitted changes: " + ", ".join(changed[:20]) + "\n")
    likely = likely_targets(ranked, request)
    if likely:
        parts.append("Likely targets: " + ", ".join(f"{name} in {path}" for path, name in likely) + "\n")
    used = sum(len(p) for p in parts)
    shown_full = 0
    for f in ranked:
        if f.score <= 0 and not f.named:
            break
        body = numbered(f.text)
        block = f"\nFile {f.path}:\n{body}"
        if (f.named or shown_full < 2) and used + len(block) <= budget:
            parts.append(block)
            used += len(block)
            shown_full += 1
            continue
        outline = "\nOutline of " + _outline(f)
        if used + len(outline) > budget:
            break
        parts.append(outline)
        used += len(outline)
    text = "".join(parts)
    return Context(text, tuple(f.path for f in ranked), tuple(ranked), estimate_tokens(text),
                   named_target(ranked, request, likely), tuple(spelled_out(ranked, request)))
