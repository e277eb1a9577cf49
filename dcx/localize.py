"""Where a request's change goes, decided mostly without a model: definitions ranked by what the
request names, what it quotes, the words it shares with them, and the call graph from the entry
point the user talks about to the code it runs in other modules.

A bug report describes what the user sees at the entry point they use ("the monthly report
leaves out zero balances"); the line to change is often in a function that entry point calls,
in another module. So the definitions the request matches best are entry points, and the
definitions they reach by calls inherit part of their score. When tests have run (``failing``),
the project functions in failing tracebacks and those the failing tests executed count most.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Mapping

from dcx.callgraph import CallGraph, Definition, Key
from dcx.context import is_test_path, words_of
from dcx.lines import dedent
from dcx.syntax import parsed_module
from dcx.targets import python_symbols

ENTRY_POINTS = 4  # best-matching definitions whose callees inherit part of their score
CALLEE_SHARE = (1.0, 0.6, 0.4, 0.25)  # of an entry point's score, by call distance
_QUOTED = re.compile(r"`([^`\n]{2,120})`|\"([^\"\n]{3,120})\"|'([^'\n]{3,120})'")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DOTTED = re.compile(r"\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b")


@dataclass(frozen=True)
class Candidate:
    path: str
    name: str  # qualified: "Report.monthly"
    kind: str
    score: float
    why: tuple[str, ...]  # the signals that put it here, for the planner and for traces

    @property
    def key(self) -> Key:
        return self.path, self.name


@dataclass(frozen=True)
class Failure:
    """What failing tests say: project definitions in their tracebacks, and those they ran, each
    with a suspiciousness from 0 to 1 (high when few passing tests run it)."""

    in_traceback: frozenset[Key] = frozenset()
    executed: frozenset[Key] = frozenset()
    suspicion: Mapping[Key, float] = field(default_factory=dict)


def quoted(request: str) -> list[str]:
    """Text the request quotes (`...`, "...", '...'): error messages, examples, names."""
    return [next(g for g in m.groups() if g) for m in _QUOTED.finditer(request)]


def named_identifiers(request: str) -> set[str]:
    """Identifiers the request spells as code: in backticks, followed by "(", or dotted
    (``Cart.total``), or written in snake_case or CamelCase."""
    names = set()
    for text in quoted(request):  # code in quotes (`total`, `cart.add(x)`), not a quoted message
        code = re.match(r"\s*([A-Za-z_][\w.]*)\s*(\(.*\))?\s*$", text)
        if code:
            names.update(code.group(1).split("."))
    names.update(m.group(1) for m in re.finditer(r"([A-Za-z_]\w*)\s*\(", request))
    for cls, attr in _DOTTED.findall(request):
        names.update((cls, attr))
    names.update(w for w in _IDENT.findall(request)
                 if "_" in w.strip("_") or re.match(r"[A-Z][a-z]+[A-Z]", w))
    return names


def _body_words(text: str, d: Definition, members: list[Definition]) -> set[str]:
    """Words of a definition's own lines (a class's without its methods: they count apart)."""
    lines = text.splitlines(keepends=True)
    inside = {n for m in members for n in range(m.start, m.end)}
    return words_of("".join(line for n, line in enumerate(lines[d.start:d.end], d.start) if n not in inside))


def is_stub(text: str, d: Definition) -> bool:
    """A function whose body does nothing yet: only a docstring, ``pass``, ``...`` or
    ``raise NotImplementedError``."""
    if d.kind != "function":
        return False
    source = "".join(text.splitlines(keepends=True)[d.start:d.end])
    tree = parsed_module(dedent(source))
    node = tree.body[0] if tree is not None and tree.body else None
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and does_nothing(node)


def stubs_in(text: str) -> list[str]:
    """The qualified names of the Python functions of ``text`` that do nothing yet, in file order."""
    return [s.name for s in python_symbols(text) if is_stub(text, s)]


def does_nothing(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """The function's body is only a docstring, ``pass``, ``...`` or ``raise NotImplementedError``."""
    body = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)
                                         and isinstance(s.value.value, str))]
    return all(_does_nothing(s) for s in body)


def _does_nothing(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
            and statement.value.value is Ellipsis:
        return True
    if isinstance(statement, ast.Raise) and statement.exc is not None:
        exc = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
        return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"
    return False


def rank(request: str, files: Mapping[str, str], graph: CallGraph, named_paths: tuple[str, ...] = (),
         failure: Failure | None = None) -> list[Candidate]:
    """Every definition outside tests, best first."""
    request_words = words_of(request)
    classes = {d.short for d in graph.definitions.values() if d.kind == "class"}
    identifiers = named_identifiers(request) | (set(_IDENT.findall(request)) & classes)
    snippets = [q for q in quoted(request) if not _IDENT.fullmatch(q)]
    direct: dict[Key, float] = {}
    why: dict[Key, list[str]] = {}
    for key, d in graph.definitions.items():
        if is_test_path(d.path):
            continue
        text = files[d.path]
        members = [m for m in graph.definitions.values()
                   if m.path == d.path and m.name.startswith(d.name + ".")] if d.kind == "class" else []
        score, reasons = _direct_score(d, text, request, request_words, identifiers, snippets,
                                       named_paths, members)
        if failure is not None:
            if key in failure.in_traceback:
                score, reasons = score + 12, reasons + ["in a failing test's traceback"]
            elif key in failure.executed:
                score += 2 + 6 * failure.suspicion.get(key, 0.0)
                reasons = reasons + ["run by a failing test"]
        if key in graph.exceptions:
            score, reasons = score * 0.3, reasons + ["an exception class"]
        direct[key], why[key] = score, reasons
    total = dict(direct)
    entries = sorted((k for k in direct if direct[k] > 0), key=lambda k: -direct[k])[:ENTRY_POINTS]
    for entry in entries:
        for key, distance in graph.reachable([entry], len(CALLEE_SHARE) - 1).items():
            if distance == 0 or key not in direct:
                continue
            share = direct[entry] * CALLEE_SHARE[distance]
            if share > total[key] - direct[key]:
                total[key] = direct[key] + share
                why[key].append(f"called by {entry[1]}" + (" (indirectly)" if distance > 1 else ""))
    out = [Candidate(d.path, d.name, d.kind, round(total[k], 2), tuple(why[k]))
           for k, d in graph.definitions.items() if k in total]
    out.sort(key=lambda c: (-c.score, c.path, c.name))
    return out


def _early(name: str, request: str) -> float:
    """Up to 2 more for a name the request mentions early: its subject, usually."""
    match = re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", request)
    return 2.0 * (1 - match.start() / max(len(request), 1)) if match else 0.0


def _direct_score(d: Definition, text: str, request: str, request_words: set[str],
                  identifiers: set[str], snippets: list[str], named_paths: tuple[str, ...],
                  members: list[Definition]) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    if d.short in identifiers or d.name in identifiers:
        score += 10 + _early(d.short, request)
        reasons.append("named in the request")
        if "." in d.name and re.search(rf"(?<![\w.]){re.escape(d.name)}(?!\w)", request):
            score += 5  # spelled out with its class: Cart.add
            reasons.append(f"{d.name} spelled out")
    elif "." in d.name and d.name.split(".")[0] in identifiers:
        score += 2
        reasons.append("its class is named")
    if d.path in named_paths:
        score += 6
        reasons.append("its file is named")
    name_hits = words_of(d.name) & request_words
    if name_hits:
        score += 3 * len(name_hits)
        reasons.append("name shares " + ", ".join(sorted(name_hits)))
    body_hits = _body_words(text, d, members) & request_words - name_hits
    if body_hits:
        score += min(6.0, 0.75 * len(body_hits))
    source = "".join(text.splitlines(keepends=True)[d.start:d.end])
    for snippet in snippets:
        if snippet in source:
            score += 5
            reasons.append(f"contains {snippet!r}")
    return score, reasons
