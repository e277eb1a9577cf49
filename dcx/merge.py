"""Apply a Python reply of the code model to files by definition name.

A tiny model asked for "the functions you change" replies with whole files, single methods, a
class with only its new method, a renamed function, or its fix plus a helper. dcx does not trust
where the model thinks code goes; it places each definition itself:

- a function or class of the reply replaces the definition of the same name (looked up in the
  target's class first, then at top level in the primary file, then in the related files);
- a class of the reply that lacks some of the existing class's methods is merged method by
  method, so methods the model left out survive; new methods go at the end of the class;
- when the reply redefines nothing the files have, a new definition of the target's shape (same
  kind, same parameters) takes its place (a rename); other new functions are added after the
  target when the target is the whole file or a class, or when the applied code uses them;
- module constants (``NAME = ...`` in capitals) the file already has are replaced; a changed
  ``from M import`` is merged with the file's own; new imports the applied code uses are added;
  anything else in the reply (examples, tests, prints) is ignored;
- a reply for a function, class or file that defines none of it is refused (ReplyError), so
  the code model is asked again instead of its fragment replacing the target.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, replace
from typing import Mapping

from dcx.lines import dedent, indent_of
from dcx.patch import dominant_ending, ending_near, split_lines
from dcx.syntax import parsed_module
from dcx.targets import Symbol, Target, assigned_name, first_line, python_symbols

_DEF = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class _Edit:
    path: str
    start: int  # 0-based first line replaced (== end for an insertion)
    end: int  # 0-based line after the last replaced
    code: str  # dedented code, "\n" line endings
    indent: str
    insertion: bool = False
    from_import: bool = False  # a "from M import ..." that replaces the file's own one for M


def _indent_code(code: str, indent: str) -> str:
    return "\n".join(indent + line if line.strip() else "" for line in code.split("\n"))


def parse_reply(code: str) -> tuple[ast.Module, str] | None:
    for candidate in (code, dedent(code)):
        tree = parsed_module(candidate)
        if tree is not None:
            return tree, candidate
    return None


def _segment(lines: list[str], node: ast.AST) -> str:
    return dedent("\n".join(lines[first_line(node) - 1 : node.end_lineno]))


def _module_assignments(text: str) -> dict[str, tuple[int, int]]:
    """Top-level ``NAME = ...`` statements of a file: name -> (start, end) 0-based lines."""
    tree = parsed_module(text)
    if tree is None:
        return {}
    found = {}
    for node in tree.body:
        name = assigned_name(node)
        if name:
            found[name] = (node.lineno - 1, node.end_lineno or node.lineno)
    return found


def _from_import(text: str, node: ast.AST) -> tuple[int, int] | None:
    """The span of the file's own ``from M import ...`` of the same module as ``node``, when it
    stands alone on its lines and neither side imports ``*``."""
    if not isinstance(node, ast.ImportFrom) or any(a.name == "*" for a in node.names):
        return None
    tree = parsed_module(text)
    if tree is None:
        return None
    lines = split_lines(text)
    for mine in tree.body:
        if isinstance(mine, ast.ImportFrom) and (mine.module, mine.level) == (node.module, node.level):
            start, end = mine.lineno - 1, mine.end_lineno or mine.lineno
            statement = parsed_module(dedent("".join(lines[start:end])))
            alone = statement is not None and len(statement.body) == 1
            if alone and not any(a.name == "*" for a in mine.names):
                return start, end
            return None
    return None


def _words(code: str) -> set[str]:
    """The names ``code`` uses (not words of its comments or strings); every identifier-like
    word when it does not parse on its own."""
    tree = parsed_module(dedent(code))
    if tree is None:
        return set(re.findall(r"[A-Za-z_]\w*", re.sub(r"#.*", "", code)))
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {
        n.value.id for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}


class _Files:
    """The files the reply may touch, primary first, with their symbols."""

    def __init__(self, files: Mapping[str, str], primary: str) -> None:
        self.order = [primary] + [p for p in files if p != primary]
        self.text = dict(files)
        self.symbols = {p: {s.name: s for s in python_symbols(files[p])} for p in self.order}

    def find(self, qualified: str) -> tuple[str, Symbol] | None:
        for path in self.order:
            symbol = self.symbols[path].get(qualified)
            if symbol is not None:
                return path, symbol
        return None

    def find_tail(self, name: str) -> tuple[str, Symbol] | None:
        """A method ``X.name`` when exactly one of the files' classes has one."""
        hits = [(p, s) for p in self.order for s in self.symbols[p].values()
                if "." in s.name and s.name.rsplit(".", 1)[1] == name]
        return hits[0] if len(hits) == 1 else None

    def members(self, path: str, cls: str) -> list[Symbol]:
        prefix = cls + "."
        return [s for n, s in self.symbols[path].items()
                if n.startswith(prefix) and "." not in n[len(prefix):]]

    def indent(self, path: str, symbol: Symbol) -> str:
        return indent_of(split_lines(self.text[path])[symbol.start])


class ReplyError(Exception):
    """A Python reply that cannot be placed; the message goes back to the code model."""


def _method_like(node: ast.AST) -> bool:
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and bool(node.args.args) \
        and node.args.args[0].arg in ("self", "cls")


def _same_shape(node: ast.AST, target: Target, text: str) -> bool:
    """Could ``node`` be the target under a new name (same kind, same positional parameters)?"""
    if target.kind == "class":
        return isinstance(node, ast.ClassDef)
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    tree = parsed_module(dedent("".join(split_lines(text)[target.start : target.end])))
    old = tree.body[0] if tree is not None and tree.body else None
    return isinstance(old, (ast.FunctionDef, ast.AsyncFunctionDef)) and \
        [a.arg for a in old.args.args] == [a.arg for a in node.args.args]


def merge_reply(reply: str, files: Mapping[str, str], primary: str, target: Target) -> dict[str, str] | None:
    """The new text of every file the reply changes ({} when it changes nothing), or None when
    the reply is not Python definitions and the caller may replace the target with it.
    ReplyError when a function, class or file target gets a reply that defines none of it."""
    parsed = parse_reply(reply.replace("\r\n", "\n"))
    if parsed is None:
        return None
    tree, code = parsed
    if target.kind == "lines" and not any(isinstance(n, _DEF) for n in tree.body):
        return None  # a fragment for those lines
    merger = _Merger(_Files(files, primary), primary, target, code)
    for node in tree.body:
        merger.take(node)
    merger.rename_or_refuse()
    merger.insert_new_definitions()
    if not merger.edits:
        if target.kind == "file" and merger.scope.symbols[primary]:
            raise ReplyError(f"the reply has none of the functions or classes of {primary}")
        return None if target.kind == "file" else {}
    return _apply(merger.scope, merger.edits, merger.imports)


class _Merger:
    """The edits one reply makes, gathered statement by statement (one merge_reply call)."""

    def __init__(self, scope: _Files, primary: str, target: Target, code: str) -> None:
        self.scope, self.primary, self.target, self.code = scope, primary, target, code
        self.lines = code.split("\n")
        self.target_class = (target.name.rsplit(".", 1)[0]
                             if target.kind == "function" and "." in target.name
                             else target.name if target.kind == "class" else None)
        self.edits: list[_Edit] = []
        self.new_defs: dict[str, tuple[ast.AST, str]] = {}
        # (statement, names it binds, the file it was merged into already or "")
        self.imports: list[tuple[str, set[str], str]] = []
        self.matched = False  # the reply named an existing definition
        self.constants: list[_Edit] = []  # module constants the reply gives

    def take(self, node: ast.stmt) -> None:
        """One top-level statement of the reply: an import, a module constant or a definition
        (other statements are examples and are dropped)."""
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self._import(node)
            return
        name = assigned_name(node)
        if name is not None and name.isupper():
            self._constant(node, name)
        elif isinstance(node, _DEF):
            self._definition(node)

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        statement = ast.get_source_segment(self.code, node) or ""
        span = _from_import(self.scope.text[self.primary], node)
        names = {(a.asname or a.name).split(".")[0] for a in node.names}
        # the reply's definitions may land in a related file: it gets the import there too
        self.imports.append((statement, names, self.primary if span is not None else ""))
        if span is not None:  # "from m import a" -> "from m import b": merged when applied
            same = next((i for i, e in enumerate(self.edits) if e.from_import and e.path == self.primary
                         and (e.start, e.end) == span), None)
            if same is not None:  # "from . import a" and "from . import b" in one reply: both
                statement = _joined_imports(self.edits[same].code, statement)
                self.edits[same] = replace(self.edits[same], code=statement)
                return
            self.edits.append(_Edit(self.primary, span[0], span[1], statement, "", from_import=True))

    def _constant(self, node: ast.stmt, name: str) -> None:
        for path in self.scope.order:
            span = _module_assignments(self.scope.text[path]).get(name)
            if span:
                segment = dedent("\n".join(self.lines[node.lineno - 1 : node.end_lineno]))
                self.constants.append(_Edit(path, span[0], span[1], segment, ""))
                self.edits.append(self.constants[-1])
                return

    def _definition(self, node: ast.AST) -> None:
        scope, target_class = self.scope, self.target_class
        segment = _segment(self.lines, node)
        found = (scope.find(f"{target_class}.{node.name}") if target_class else None) \
            or scope.find(node.name) or (scope.find_tail(node.name) if _method_like(node) else None)
        if found is None:
            owner = scope.find(target_class) if target_class and _method_like(node) else None
            if owner:
                self._add_member(owner[0], owner[1], segment)
            else:
                self.new_defs.setdefault(node.name, (node, segment))
            return
        self.matched = True
        path, symbol = found
        if isinstance(node, ast.ClassDef) and symbol.kind == "class":
            self._merge_class(path, symbol, node)
        else:
            self.edits.append(_Edit(path, symbol.start, symbol.end, segment,
                                    scope.indent(path, symbol)))

    def _add_member(self, path: str, cls: Symbol, segment: str) -> None:
        members = self.scope.members(path, cls.name)
        indent = (self.scope.indent(path, members[0]) if members
                  else self.scope.indent(path, cls) + "    ")
        self.edits.append(_Edit(path, cls.end, cls.end, segment, indent, insertion=True))

    def _merge_class(self, path: str, symbol: Symbol, node: ast.ClassDef) -> None:
        scope = self.scope
        existing = {s.name.rsplit(".", 1)[1] for s in scope.members(path, symbol.name)}
        given = {n.name for n in node.body if isinstance(n, _DEF)}
        if existing <= given:  # the complete class
            self.edits.append(_Edit(path, symbol.start, symbol.end, _segment(self.lines, node),
                                    scope.indent(path, symbol)))
            return
        for member in node.body:  # a partial class: member by member, the rest survives
            if not isinstance(member, _DEF):
                continue
            hit = scope.find(f"{symbol.name}.{member.name}")
            if hit and hit[0] == path and isinstance(member, ast.ClassDef) and hit[1].kind == "class":
                self._merge_class(path, hit[1], member)
            elif hit and hit[0] == path:
                self.edits.append(_Edit(path, hit[1].start, hit[1].end,
                                        _segment(self.lines, member), scope.indent(path, hit[1])))
            else:
                self._add_member(path, symbol, _segment(self.lines, member))

    def rename_or_refuse(self) -> None:
        """A function or class target the reply does not name: a definition of its shape under
        a new name is its rename; else ReplyError (unless the reply only gives constants)."""
        target = self.target
        if target.kind not in ("function", "class") or self.matched \
                or not all(e.from_import or e in self.constants for e in self.edits):
            return
        # Constants the reply repeats (often unchanged, from the file around the target) do not
        # stop a definition of the target's shape under a new name from being its rename.
        renamed = [(n, seg) for n, seg in self.new_defs.values()
                   if _same_shape(n, target, self.scope.text[self.primary])
                   and not (self.constants and target.kind == "class")]  # any class has a class's shape
        if renamed:
            node, segment = renamed[0]  # the target under a new name
            del self.new_defs[node.name]
            self.edits.append(_Edit(self.primary, target.start, target.end, segment, target.indent))
        elif not self.constants:
            raise ReplyError(f"the reply does not define {target.name.rsplit('.', 1)[-1]}")

    def insert_new_definitions(self) -> None:
        """New top-level definitions go in when the target is a file or a class, or when the
        changed code uses them (helpers the model wrote alongside)."""
        used = _words("\n".join(e.code for e in self.edits))
        for node, segment in self.new_defs.values():
            if self.target.kind in ("file", "class") or node.name in used:
                anchor = _anchor(self.scope, self.primary, self.target, self.edits)
                self.edits.append(_Edit(self.primary, anchor, anchor, segment, "", insertion=True))
                used |= _words(segment)


def _anchor(scope: _Files, primary: str, target: Target, edits: list[_Edit]) -> int:
    """Where a new top-level definition goes: after the last top-level definition replaced in the
    primary file, else after the target's top-level definition, else at the end of the file."""
    top = [s for s in scope.symbols[primary].values() if "." not in s.name]
    ends = [s.end for s in top for e in edits
            if e.path == primary and not e.insertion and s.start <= e.start and e.end <= s.end]
    if ends:
        return max(ends)
    if target.kind != "file":
        around = [s.end for s in top if s.start <= target.start < s.end]
        if around:
            return around[0]
    return len(split_lines(scope.text[primary]))


def _apply(scope: _Files, edits: list[_Edit], imports: list[tuple[str, set[str], str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in scope.order:
        mine = [e for e in edits if e.path == path]
        if not mine:
            continue
        text = scope.text[path]
        dominant = dominant_ending(text)
        lines = split_lines(text)
        # outermost replacements win; an edit inside another replaced span is dropped
        spans = [e for e in mine if not e.insertion]
        kept = [e for e in mine if not any(_inside(e, o) for o in spans if o is not e)]
        unique, seen = [], set()
        for e in kept:  # the same span twice (a definition repeated in the reply): first wins
            if not e.insertion:
                if (e.start, e.end) in seen:
                    continue
                seen.add((e.start, e.end))
            unique.append(e)
        order = sorted(range(len(unique)), key=lambda i: (unique[i].start, not unique[i].insertion, i))
        for e in (unique[i] for i in reversed(order)):  # bottom up, so line numbers hold
            newline = ending_near(lines, e.start if not e.insertion else e.start - 1, dominant)
            body = _indent_code(e.code, e.indent).replace("\n", newline)
            if e.insertion:
                gap = newline if e.indent else newline * 2
                at = e.start
                if at >= len(lines):
                    if lines and not lines[-1].endswith("\n"):
                        lines[-1] += newline
                    lines.extend(split_lines(gap + body + newline))
                else:
                    lines[at:at] = split_lines(gap + body + newline)
                continue
            replaced = "".join(lines[e.start : e.end])
            if e.from_import:
                rest = "".join(lines[: e.start] + lines[e.end :])
                body = _merged_import(replaced, e.code, rest).replace("\n", newline)
            if replaced.endswith("\n") or e.end < len(lines):
                body += newline
            lines[e.start : e.end] = split_lines(body)
        new = "".join(lines)
        used = _words("\n".join(e.code for e in unique))
        bound = _bound(new)
        new = add_imports(new, [i for i, names, merged in imports
                                if (names & used) - bound and merged != path], dominant)
        if new != text:
            out[path] = new
    return out


def _bound(text: str) -> set[str]:
    """The names a module binds at its top level by import or definition."""
    tree = parsed_module(text)
    if tree is None:
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, _DEF):
            names.add(node.name)
    return names


def _spell(alias: ast.alias) -> str:
    return f"{alias.name} as {alias.asname}" if alias.asname else alias.name


def _joined_imports(first: str, second: str) -> str:
    """Two ``from M import ...`` statements of one module as one."""
    nodes = [ast.parse(code.strip()).body[0] for code in (first, second)]
    names = dict.fromkeys(_spell(a) for node in nodes for a in node.names)
    return f"from {'.' * nodes[0].level}{nodes[0].module or ''} import {', '.join(names)}"


def _merged_import(mine: str, theirs: str, rest: str) -> str:
    """The reply's ``from M import`` names plus the file's own, those the rest of the file uses."""
    trees = parsed_module(mine.strip()), parsed_module(theirs.strip())
    old, new = (tree.body[0] if tree is not None and tree.body else None for tree in trees)
    if not isinstance(old, ast.ImportFrom) or not isinstance(new, ast.ImportFrom):
        return mine.rstrip("\r\n")
    used = _words(rest)
    # a name the reply imports for code that landed in another file is not this file's
    names = [_spell(a) for a in new.names if (a.asname or a.name) in used]
    bound = {a.asname or a.name for a in new.names}  # a name the reply binds replaces the file's
    names += [_spell(a) for a in old.names
              if (a.asname or a.name) not in bound and (a.asname or a.name) in used]
    if not names or sorted(names) == sorted(_spell(a) for a in old.names):
        return mine.rstrip("\r\n")
    return f"from {'.' * old.level}{old.module or ''} import {', '.join(names)}"


def _inside(edit: _Edit, outer: _Edit) -> bool:
    if edit.insertion:
        return outer.start < edit.start < outer.end
    return outer.start <= edit.start and edit.end <= outer.end and \
        (outer.start, outer.end) != (edit.start, edit.end)


def add_imports(text: str, imports: list[str], newline: str) -> str:
    """Add the import statements ``text`` does not have yet, after its last top-level import (or
    its docstring and ``__future__`` imports)."""
    existing = {line.strip() for line in split_lines(text)}
    wanted = [i for i in dict.fromkeys(imports) if i and i.strip() not in existing]
    if not wanted:
        return text
    lines = split_lines(text)
    at = 0
    tree = parsed_module(text)
    for node in tree.body if tree is not None else []:
        if isinstance(node, (ast.Import, ast.ImportFrom)) or (
                node is tree.body[0] and isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            at = node.end_lineno or at
        else:
            break
    block = "".join(i.replace("\n", newline) + newline for i in wanted)
    if at and not lines[at - 1].endswith("\n"):
        lines[at - 1] += newline
    return "".join(lines[:at]) + block + "".join(lines[at:])
