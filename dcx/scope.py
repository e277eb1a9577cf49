"""The scope of a Python fix, planned from the localized candidates (dcx.localize): the target the
code model writes, the other definitions it is shown and may change (callees and callers of the
code the request talks about, in other files), and the definitions it should look at first.

A small model shown only the function whose words match the request fixes that function, even
when the cause is in a function it calls in another module; shown the entry point with the code
it runs, it can change the right one. Paths the request names are binding: the edit stays in
them, and other files are shown for reference only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from dcx import callgraph
from dcx.baseline import TestRun
from dcx.callgraph import CallGraph, Definition, Key
from dcx.context import Context, is_test_path, words_of
from dcx.localize import Candidate, is_stub, named_identifiers, rank
from dcx.patch import split_lines
from dcx.pyimports import imported_files, module_names
from dcx.targets import language_of, python_symbols
from dcx.tools import ToolCall

WHOLE_FILE_LINES = 150  # a Python target file this long or shorter is written whole
STUB_FILE_LINES = 400  # a file of stubs is written whole up to this length
EXCERPT_CHARS = 6000  # definitions of other files shown beside the target
TEST_CHARS = 1800  # tests that exercise the code, shown for reference
MAX_EXCERPTS = 8
HINTS = 4  # definitions the request names that the code model is told of
_RENAME = re.compile(r"\brenam(e|es|ed|ing)\b", re.I)
_ADD = re.compile(r"(?<![\w.`])(add|adds|adding|new|support|let|allow|accept|accepts|make|keep|track|"
                  r"expose|implement)\b(?![.(`])", re.I)


@dataclass(frozen=True)
class Scope:
    path: str  # the target's file
    target: str  # "file", or a qualified definition name
    related: tuple[str, ...]  # other files the reply may change
    excerpts: Mapping[str, tuple[str, ...]]  # file -> names of its definitions shown
    focus: tuple[Key, ...]  # the definitions most likely to change, best first
    read_only: tuple[str, ...] = ()  # files shown for reference, never changed
    editable: tuple[str, ...] = ()  # definitions that may change freely; others may only grow
    tests: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # test file -> tests shown

    def call(self, instruction: str) -> ToolCall:
        return ToolCall("generate_code", {
            "path": self.path, "target": self.target, "instructions": instruction,
            "related": list(self.related), "excerpts": {p: list(n) for p, n in self.excerpts.items()},
            "focus": [f"{name} in {path}" for path, name in self.focus],
            "read_only": list(self.read_only), "editable": list(self.editable),
            "tests": {p: list(n) for p, n in self.tests.items()}})


def sources(context: Context) -> dict[str, str]:
    """The repository's Python files outside tests (path -> text), as the context read them."""
    return {f.path: f.text for f in context.ranked
            if language_of(f.path) == "python" and not is_test_path(f.path)
            and f.path.rsplit("/", 1)[-1] != "conftest.py"}


def plan_scope(context: Context, instruction: str, named_paths: tuple[str, ...],
               baseline: TestRun | None = None) -> Scope | None:
    """The scope of a Python fix, or None when the request points at no Python definition.
    ``baseline`` (the tests before any change) adds what the failing tests say."""
    texts = sources(context)
    if not texts:
        return None
    graph = callgraph.build(texts)
    named = tuple(p for p in named_paths if p in texts)
    failure = baseline.failure(graph) if baseline is not None and not baseline.check.passed else None
    candidates = [c for c in rank(instruction, texts, graph, named, failure)
                  if not named or c.path in named]
    stub = _stub_scope(texts, graph, instruction, named)
    if stub is not None:
        return stub
    if not candidates or candidates[0].score <= 0:
        if len(named) == 1 and _fits(texts[named[0]], WHOLE_FILE_LINES):
            return Scope(named[0], "file", (), {}, ())
        return None
    extended = _class_to_extend(graph, instruction, named)
    if extended is not None:
        path, target = extended
    else:
        entry = next((c for c in candidates if (c.path, c.name.split(".")[0]) not in graph.exceptions),
                     candidates[0])
        target, path = _target(entry, texts, graph, instruction)
    focus = _focus(candidates, path, target)
    hinted = frozenset(k for k in hints_for(context, path, target) if k in graph.definitions)
    related, excerpts = _excerpts(graph, texts, candidates, path, target, focus, hinted)
    editable = _editable(graph, candidates, path, target, excerpts)
    tests = tests_of(context, graph, candidates, instruction, path, target)
    if named:  # the request's files are binding: everything else is for reference
        return Scope(path, target, tuple(p for p in related if p in named), excerpts, focus,
                     tuple(p for p in related if p not in named), editable, tests)
    return Scope(path, target, related, excerpts, focus, (), editable, tests)


def hints_for(context: Context, path: str, target: str) -> list[tuple[str, str]]:
    """The other definitions the request names (any of its words is their name), for the code
    model to consider too: its prompt says "The request names: ...", and the scope shows them."""
    return [(p, n) for p, n in context.spelled if (p, n) != (path, target)][:HINTS]


def tests_of(context: Context, graph: CallGraph, candidates: list[Candidate], instruction: str,
             path: str, target: str) -> dict[str, tuple[str, ...]]:
    """The repository's tests that exercise the code the edit is about (they call the target or
    the definitions the request names or dcx ranks first), best first, within TEST_CHARS: the
    values they check show a small model what the code must do."""
    wanted = {c.name.rsplit(".", 1)[-1] for c in candidates[:4] if c.score > 0}
    wanted |= {d.short for d in graph.definitions.values() if d.path == path
               and (target == "file" or d.name == target or d.name.startswith(target + "."))
               and (target != "file" or any(c.key == d.key for c in candidates[:4]))}
    words = words_of(instruction)
    found = []
    for f in context.ranked:
        if not is_test_path(f.path) or language_of(f.path) != "python":
            continue
        lines = split_lines(f.text)
        for symbol in python_symbols(f.text):
            if not symbol.name.rsplit(".", 1)[-1].startswith("test") or symbol.kind != "function":
                continue
            body = "".join(lines[symbol.start:symbol.end])
            calls = (set(re.findall(r"\b([A-Za-z_]\w*)\s*\(", body))
                     | set(re.findall(r"\.([A-Za-z_]\w*)\b", body)))
            hits = calls & wanted
            if hits:
                rank_key = -(len(hits) + 2 * len(words_of(symbol.name) & words))
                found.append((rank_key, f.path, symbol.name, len(body)))
    found.sort()
    out: dict[str, list[str]] = {}
    used = 0
    for _, test_path, name, size in found:
        if used + size > TEST_CHARS:
            continue
        out.setdefault(test_path, []).append(name)
        used += size
    return {p: tuple(n) for p, n in out.items()}


def _editable(graph: CallGraph, candidates: list[Candidate], path: str, target: str,
              excerpts: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The definitions an edit of ``target`` may change freely: the target (a class: its
    methods the request names), what they call and what calls them, those shown from other
    files, and every definition the request names. Others may gain lines, not lose them."""
    named = {c.key for c in candidates if "named in the request" in c.why}
    if target == "file":  # the definitions the request is about, not every one of the file
        best = [c.key for c in candidates[:2] if c.path == path]
        failing = [c.key for c in candidates if c.path == path and "in a failing test's traceback" in c.why]
        roots = [k for k in named | set(best) | set(failing) if k[0] == path]
    elif (d := graph.definitions.get((path, target))) is not None and d.kind == "class":
        roots = [k for k in named if k[0] == path and k[1].startswith(target + ".")]
    else:
        roots = [(path, target)]
    keys = set(roots) | named
    for root in roots:
        keys |= set(graph.reachable([root], 2)) | set(graph.callers(root))
    keys |= {(p, n) for p, shown in excerpts.items() for n in shown}
    # a class stands for its own lines here, not for all its methods
    return tuple(sorted({name for key in keys if (d := graph.definitions.get(key)) is not None
                         and d.kind != "class" for name in [key[1]]}))


def _fits(text: str, limit: int) -> bool:
    return len(split_lines(text)) <= limit


def _stub_scope(texts: Mapping[str, str], graph: CallGraph, instruction: str,
                named: tuple[str, ...]) -> Scope | None:
    """A module of several stubs (bodies that do nothing yet) that the request is about: the
    whole module is written, all of them at once."""
    identifiers = named_identifiers(instruction)
    best: tuple[int, str] | None = None
    for path, text in texts.items():
        stubs = [d for d in graph.definitions.values() if d.path == path and is_stub(text, d)]
        if len(stubs) < 2 or not _fits(text, STUB_FILE_LINES):
            continue
        mentioned = sum(d.short in identifiers for d in stubs)
        if path in named or mentioned >= 2 or (len(instruction) >= 800 and mentioned >= 1):
            if best is None or (path in named, mentioned) > (best[1] in named, best[0]):
                best = (mentioned, path)
    if best is None:
        return None
    path = best[1]
    imported = [p for p in _imported_by(path, texts) if p != path]
    excerpts = {p: () for p in imported[:2]}
    return Scope(path, "file", (), excerpts, (), tuple(excerpts))


def _imported_by(path: str, texts: Mapping[str, str]) -> list[str]:
    by_module = {m: p for p in texts for m in module_names(p)}
    return imported_files(texts[path], path, by_module)


def _class_to_extend(graph: CallGraph, instruction: str, named: tuple[str, ...]) -> Key | None:
    """A class the request asks to give methods it does not have yet ("add `pause()` and
    `resume()` to ChessClock"): the class the request names first, when it names methods the
    class lacks and the request asks for something new."""
    if not _ADD.search(instruction):
        return None
    identifiers = named_identifiers(instruction)
    words = set(re.findall(r"\b[A-Z][A-Za-z0-9]+\b", instruction))
    classes = [d for d in graph.definitions.values() if d.kind == "class" and "." not in d.name
               and d.name in words | identifiers and d.key not in graph.exceptions
               and (not named or d.path in named)]
    for cls in sorted(classes, key=lambda d: instruction.find(d.name)):
        members = {d.short for d in graph.definitions.values()
                   if d.path == cls.path and d.name.startswith(cls.name + ".")}
        missing = {n for n in identifiers - members - {cls.name} if n.islower() or "_" in n}
        if missing:
            return cls.key
    return None


def _class_of(entry: Candidate) -> str | None:
    return entry.name if entry.kind == "class" else entry.name.split(".")[0] if "." in entry.name else None


def _target(entry: Candidate, texts: Mapping[str, str], graph: CallGraph,
            instruction: str) -> tuple[str, str]:
    """(target, its file) for the best candidate: a class the request names when it asks for
    several of its methods or for something new in it; the whole file when it is small; else
    the definition itself."""
    path = entry.path
    identifiers = named_identifiers(instruction) | set(re.findall(r"\b[A-Z][A-Za-z0-9]+\b", instruction))
    cls = _class_of(entry)
    if cls and cls in identifiers and (path, cls) not in graph.exceptions \
            and (path, cls) in graph.definitions:
        members = [d for d in graph.definitions.values()
                   if d.path == path and d.name.startswith(cls + ".") and d.short in identifiers]
        # "Account.withdraw accepts negative amounts" points at one method, whatever its verbs
        pointed = entry.name != cls and any(w.endswith("spelled out") for w in entry.why)
        if len(members) >= 2 or (_ADD.search(instruction) and not pointed) or entry.name == cls:
            return cls, path
    named_function = entry.kind == "function" and "named in the request" in entry.why
    if named_function and _RENAME.search(instruction):  # a rename replaces the definition itself
        return entry.name, path
    if _fits(texts[path], WHOLE_FILE_LINES):  # the request's words name symptoms as often as causes
        return "file", path
    if named_function:
        return "file", path
    return entry.name, path


def _focus(candidates: list[Candidate], path: str, target: str) -> tuple[Key, ...]:
    """The best candidates outside the target's own definition, up to four."""
    out = []
    for c in candidates[:8]:
        if c.score <= 0:
            break
        inside = target != "file" and c.path == path and (c.name == target or c.name.startswith(target + "."))
        if not inside and c.kind != "class":  # a class is too broad a place to look
            out.append(c.key)
    return tuple(out[:4])


def _excerpts(graph: CallGraph, texts: Mapping[str, str], candidates: list[Candidate], path: str,
              target: str, focus: tuple[Key, ...], hinted: frozenset[Key] = frozenset()
              ) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """Definitions of other files shown beside the target: those the target calls or is called
    by (a whole file: those its definitions the request is about do), the focus and what a focus
    definition in another file calls (the cause is often one call further than the words
    reach), and those the prompt will say the request names (``hinted``: a model told of
    ``Player.play`` and not shown it cannot change it), named ones first, then best-ranked,
    within EXCERPT_CHARS."""
    if target == "file":
        about = {c.key for c in candidates[:3] if c.score > 0} | {
            c.key for c in candidates if "named in the request" in c.why}
        mine = [k for k in about if k[0] == path]
    else:
        mine = [k for k, d in graph.definitions.items() if d.path == path and
                (d.name == target or d.name.startswith(target + "."))]
    linked: set[Key] = set()
    for key in mine:
        linked |= set(graph.reachable([key], 3)) | set(graph.callers(key))
    for key in focus:  # a place to look first, in another file, with what it calls
        if key[0] != path:
            linked |= set(graph.reachable([key], 1))
    score = {c.key: c.score for c in candidates}
    named = {c.key for c in candidates if "named in the request" in c.why} | hinted
    def order(k: Key) -> tuple:  # total: the same request shows the same code in every run
        d = graph.definitions.get(k)
        return (k not in named, -score.get(k, 0), k[0], d.start if d else 0, k[1])

    wanted = [k for k in sorted(linked | set(focus) | named, key=order) if k[0] != path]
    excerpts: dict[str, list[str]] = {}
    used = 0
    for key in wanted:
        d = graph.definitions.get(key)
        if d is None or _covered(d, excerpts.get(d.path, []), graph):
            continue
        size = len("".join(split_lines(texts[d.path])[d.start:d.end]))
        if used + size > EXCERPT_CHARS or sum(map(len, excerpts.values())) >= MAX_EXCERPTS:
            continue
        excerpts.setdefault(d.path, []).append(d.name)
        used += size
    return tuple(excerpts), {p: tuple(n) for p, n in excerpts.items()}


def _covered(d: Definition, shown: list[str], graph: CallGraph) -> bool:
    """Is ``d`` inside a definition already shown (a method of a class shown whole)?"""
    return any(d.name == name or d.name.startswith(name + ".") for name in shown)


def excerpt(path: str, text: str, names: tuple[str, ...]) -> str:
    """What the code model is shown of another file: its imports and module constants, then the
    named definitions (a method under its class's first line), "..." where code is left out."""
    lines = split_lines(text)
    symbols = {s.name: s for s in python_symbols(text)}
    keep: set[int] = set()
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not line[:1].isspace() and (stripped.startswith(("import ", "from ")) or
                                       re.match(r"[A-Z][A-Z0-9_]*\s*[:=]", stripped)):
            keep.add(number)
    for name in names:
        symbol = symbols.get(name)
        if symbol is None:
            continue
        keep.update(range(symbol.start, symbol.end))
        if "." in name:  # a method: show the line that opens its class
            owner = symbols.get(name.rsplit(".", 1)[0])
            if owner is not None:
                keep.add(owner.start)
    out, gap = [], False
    for number, line in enumerate(lines):
        if number in keep:
            out.append(line if line.endswith("\n") else line + "\n")
            gap = False
        elif not gap and line.strip():
            out.append("...\n")
            gap = True
    return "".join(out)
