"""Find one target in a file: a Python function or class (by ast), a block in other languages
(by braces or indentation), a line range, or the whole file."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Iterator

from dcx.lines import indent_of
from dcx.patch import dominant_ending, ending_near, split_lines
from dcx.syntax import parsed_module

WHOLE_FILE_NAMES = {"", "file", "whole file", "all", "*"}
_RANGE = re.compile(r"^\s*(?:lines?\s*)?L?(\d+)\s*(?:-|:|\.\.|to)\s*L?(\d+)\s*$", re.I)


@dataclass(frozen=True)
class Target:
    name: str  # as it will be shown to the model
    kind: str  # "function", "class", "block", "lines", "file"
    start: int  # 0-based first line
    end: int  # 0-based line after the last
    indent: str  # indentation of the target's first line

    def text(self, lines: list[str]) -> str:
        return "".join(lines[self.start : self.end])


@dataclass(frozen=True)
class Symbol:
    name: str  # qualified: "Class.method"
    kind: str
    start: int
    end: int


DOCUMENTS = frozenset({"markdown", "text", "html"})  # languages of pages, not code


def language_of(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return {
        "py": "python", "js": "javascript", "mjs": "javascript", "cjs": "javascript",
        "ts": "typescript", "tsx": "typescript", "jsx": "javascript", "sh": "bash",
        "bash": "bash", "go": "go", "rs": "rust", "java": "java", "c": "c", "h": "c",
        "cpp": "cpp", "hpp": "cpp", "cc": "cpp", "rb": "ruby", "md": "markdown",
        "json": "json", "toml": "toml", "yaml": "yaml", "yml": "yaml", "html": "html",
        "css": "css",
    }.get(ext, "text")


# -- symbols -----------------------------------------------------------------------------------


Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def python_definitions(tree: ast.Module) -> Iterator[tuple[str, Definition]]:
    """(qualified name, node) of each function and class at module level or in a class body,
    a class before its members, in the order of the file; functions inside functions are part
    of their function."""
    def visit(body: list[ast.stmt], prefix: str) -> Iterator[tuple[str, Definition]]:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                yield prefix + node.name, node
                if isinstance(node, ast.ClassDef):
                    yield from visit(node.body, prefix + node.name + ".")

    return visit(tree.body, "")


def python_functions(tree: ast.Module) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    """The module's functions and methods by qualified name ("Class.method"); a function inside
    a function is part of it."""
    return {name: node for name, node in python_definitions(tree) if not isinstance(node, ast.ClassDef)}


def unique_definitions(tree: ast.Module) -> dict[str, Definition]:
    """The definitions of python_definitions by qualified name, without a name defined twice in
    one body (a property's getter and setter, overloads): which one is meant depends on more
    than its name."""
    found: dict[str, Definition] = {}
    twice: set[str] = set()
    for name, node in python_definitions(tree):
        if name in found:
            twice.add(name)
        found[name] = node
    return {n: d for n, d in found.items() if n not in twice}


def first_line(node: ast.AST) -> int:
    """The line (1-based) a definition starts on, its decorators included; any other node's own."""
    return min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])


def decorator_name(decorator: ast.expr) -> str:
    """The name a decorator ends in: ``@dataclasses.dataclass(frozen=True)`` -> dataclass."""
    expr = decorator.func if isinstance(decorator, ast.Call) else decorator
    return expr.attr if isinstance(expr, ast.Attribute) else ast.unparse(expr)


def function_pairs(old: ast.Module, new: ast.Module) -> Iterator[tuple[str, ast.AST, ast.AST]]:
    """``(qualified name, old version, new version)`` for each function both modules define,
    in the new module's order: what a check comparing a change's functions walks."""
    before = python_functions(old)
    for name, function in python_functions(new).items():
        if name in before:
            yield name, before[name], function


def own_nodes(function: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function's body, without those of functions, lambdas and classes defined
    in it (an inner ``def f(items)`` has an ``items`` of its own); those definitions are yielded."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))


def python_symbols(text: str) -> list[Symbol]:
    tree = parsed_module(text)
    if tree is None:
        return []
    symbols: list[Symbol] = []
    for name, node in python_definitions(tree):
        first = first_line(node)
        kind = "class" if isinstance(node, ast.ClassDef) else "function"
        symbols.append(Symbol(name, kind, first - 1, node.end_lineno or node.lineno))
    return symbols


_DEF_PATTERNS = (
    r"^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*({n})\s*\(",
    r"^\s*(?:export\s+)?(?:const|let|var)\s+({n})\s*=",
    r"^\s*(?:export\s+)?(?:abstract\s+)?class\s+({n})\b",
    r"^\s*(?:function\s+)?({n})\s*\(\s*\)\s*\{?\s*$",  # shell functions
    r"^\s*(?:pub\s+)?(?:async\s+)?fn\s+({n})\b",
    r"^\s*func\s+(?:\([^)]*\)\s*)?({n})\s*\(",
    r"^\s*def\s+({n})\b",
    r"^\s*(?:public|private|protected|static|\s)+[\w<>\[\],\s]+\s({n})\s*\(",
)
_NAME = r"[A-Za-z_$][\w$]*"
_DEF_RES = [re.compile(p.replace("{n}", _NAME)) for p in _DEF_PATTERNS]


_STRINGS = re.compile(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|`[^`]*`)")


def _opens_brace_block(lines: list[str], start: int) -> bool:
    first = _STRINGS.sub("", lines[start])
    if "{" in first:
        return True
    following = lines[start + 1].strip() if start + 1 < len(lines) else ""
    return not first.rstrip().endswith(";") and following.startswith("{")


def _block_end(lines: list[str], start: int) -> int:
    """End (exclusive) of the block starting at ``start``: by braces if it opens one, else by indentation."""
    if _opens_brace_block(lines, start):
        depth, opened = 0, False
        for i in range(start, len(lines)):
            code = _STRINGS.sub("", lines[i])
            opened = opened or "{" in code
            depth += code.count("{") - code.count("}")
            if opened and depth <= 0:
                return i + 1
        return len(lines)
    base = len(indent_of(lines[start]))
    end = start + 1
    for i in range(start + 1, len(lines)):
        if not lines[i].strip():
            continue
        if len(indent_of(lines[i])) <= base:
            # a closing line at the same indentation belongs to the block (end, fi, ...)
            if lines[i].strip() in ("end", "fi", "done", "esac"):
                end = i + 1
            break
        end = i + 1
    return end


def generic_symbols(text: str) -> list[Symbol]:
    lines = split_lines(text)
    symbols = []
    for i, line in enumerate(lines):
        for pattern in _DEF_RES:
            match = pattern.match(line)
            if match and match.group(1) not in ("if", "for", "while", "switch", "return", "catch"):
                end = _block_end(lines, i)
                symbols.append(Symbol(match.group(1), "block", i, end))
                break
    return symbols


def symbols_of(path: str, text: str) -> list[Symbol]:
    return python_symbols(text) if language_of(path) == "python" else generic_symbols(text)


# -- locating ------------------------------------------------------------------------------------


def find_target(path: str, text: str, name: str) -> Target | None:
    """The target called ``name`` in ``text``, or None when there is no such target."""
    lines = split_lines(text)
    wanted = name.strip().strip("`'\"")
    if wanted.lower() in WHOLE_FILE_NAMES or wanted in (path, path.rsplit("/", 1)[-1]):
        return Target("the whole file", "file", 0, len(lines), "")
    match = _RANGE.match(wanted)
    if match:
        first, last = sorted((int(match.group(1)), int(match.group(2))))
        if first < 1 or last > len(lines):
            return None
        start = first - 1
        return Target(f"lines {first}-{last}", "lines", start, last, indent_of(lines[start]))
    wanted = re.sub(r"\(.*\)$", "", wanted).strip()  # "parse_date()" -> "parse_date"
    wanted = re.sub(r"^(?:def|function|class|fn|func)\s+", "", wanted)
    symbols = symbols_of(path, text)
    exact = [s for s in symbols if s.name == wanted]
    tail = [s for s in symbols if s.name.rsplit(".", 1)[-1] == wanted.rsplit(".", 1)[-1]]
    chosen = (exact or tail or [None])[0]
    if chosen is None:
        return None
    return Target(chosen.name, chosen.kind, chosen.start, chosen.end, indent_of(lines[chosen.start]))


HIDDEN_BODY = "..."


def hide_body(text: str, target: Target) -> str | None:
    """``text`` with the body of the Python function ``target`` replaced by ``...`` (its
    signature, decorators and docstring kept), or None when it has no body to hide."""
    if target.kind != "function":
        return None
    tree = parsed_module(text)
    if tree is None:
        return None
    lines = split_lines(text)
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if first_line(node) - 1 != target.start:
            continue
        body = node.body
        keep = body[0].lineno - 1  # the lines before the body: decorators and signature
        if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            keep, body = body[0].end_lineno or keep, body[1:]
        else:  # comments above the first statement are part of the body
            while keep > node.lineno and lines[keep - 1].lstrip().startswith("#"):
                keep -= 1
        if not body or body[0].lineno <= keep or keep < node.lineno:
            return None  # nothing but a docstring, or a body on the signature's line
        newline = ending_near(lines, keep, dominant_ending(text))
        indent = indent_of(lines[body[0].lineno - 1])
        return "".join(lines[:keep]) + indent + HIDDEN_BODY + newline + "".join(lines[node.end_lineno:])
    return None


def assigned_name(node: ast.AST) -> str | None:
    """The name ``NAME = ...`` or ``NAME: T = ...`` binds, or None for any other statement."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id
    return None


def _module_constants(text: str) -> dict[str, str]:
    """name -> source of each module-level ``NAME = ...`` bound once, in capitals (as dcx.merge
    replaces them); none when the text does not parse."""
    tree = parsed_module(text)
    if tree is None:
        return {}
    found: dict[str, str] = {}
    bound: set[str] = set()
    for node in tree.body:
        name = assigned_name(node)
        if name is not None and name.isupper():
            if name in bound:
                found.pop(name, None)  # bound twice: not one constant
            else:
                found[name] = ast.get_source_segment(text, node) or ""
            bound.add(name)
    return found


def changed_definitions(path: str, old: str, new: str) -> str:
    """"changed a, b; added c; removed d" for the definitions that differ ("" when none)."""
    def bodies(text: str) -> dict[str, str]:
        lines = split_lines(text)
        found = {s.name: "".join(lines[s.start:s.end]) for s in symbols_of(path, text)}
        if language_of(path) == "python":  # a module constant a reply changes is part of the change
            found.update(_module_constants(text))
        return found

    before, after = bodies(old), bodies(new)
    names = set(before) | set(after)
    changed = [n for n in before if n in after and before[n] != after[n]  # a class: its members
               and not any(m.startswith(n + ".") and before.get(m) != after.get(m) for m in names)]
    added = [n for n in after if n not in before]
    removed = [n for n in before if n not in after]
    if len(added) == len(removed) == 1:
        also = [f"changed {', '.join(changed)}"] if changed else []
        return "; ".join([f"renamed {removed[0]} to {added[0]}"] + also)
    groups = (("changed", changed), ("added", added), ("removed", removed))
    return "; ".join(f"{verb} {', '.join(names)}" for verb, names in groups if names)
