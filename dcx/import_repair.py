"""Imports a reply forgot, added by dcx: a small model often uses a name the file does not import
(the exception class of the project's errors module, `math.ceil`, `Decimal`). When exactly one
place can be meant — a top-level definition of one project module, a standard-library module
used as `module.attr`, or a well-known standard-library name — dcx adds the import itself;
anything else stays an undefined name for the review to report. Imports the reply added and
never uses are taken out again."""

from __future__ import annotations

import ast
import sys
from typing import Mapping

from dcx.context import is_test_path
from dcx.merge import add_imports
from dcx.patch import dominant_ending, split_lines
from dcx.pyimports import imported_files, module_files, module_names, pyflakes_name
from dcx.syntax import parsed_module, walkable_module
from dcx.targets import language_of

# Names a model uses bare that live in one standard-library module, without doubt.
WELL_KNOWN = {
    "Decimal": "decimal", "ROUND_HALF_UP": "decimal", "ROUND_HALF_EVEN": "decimal",
    "ROUND_DOWN": "decimal", "ROUND_UP": "decimal", "ROUND_CEILING": "decimal",
    "ROUND_FLOOR": "decimal", "InvalidOperation": "decimal", "Fraction": "fractions",
    "dataclass": "dataclasses",
    "defaultdict": "collections", "Counter": "collections", "OrderedDict": "collections",
    "deque": "collections", "namedtuple": "collections", "datetime": "datetime",
    "date": "datetime", "timedelta": "datetime", "timezone": "datetime",
    "ceil": "math", "floor": "math", "sqrt": "math", "isclose": "math", "inf": "math",
    "Path": "pathlib", "Enum": "enum", "IntEnum": "enum", "auto": "enum",
    "Optional": "typing", "List": "typing", "Dict": "typing", "Tuple": "typing",
    "Iterable": "typing", "Iterator": "typing", "Any": "typing", "Callable": "typing",
    "Sequence": "typing", "Mapping": "typing", "Union": "typing",
    "lru_cache": "functools", "reduce": "functools", "partial": "functools",
    "total_ordering": "functools", "wraps": "functools", "chain": "itertools",
    "groupby": "itertools", "islice": "itertools", "bisect_left": "bisect",
    "bisect_right": "bisect", "insort": "bisect", "heappush": "heapq", "heappop": "heapq",
}


def repair_imports(path: str, text: str, project: Mapping[str, str]) -> str:
    """``text`` with the imports of its undefined names added where the source is unambiguous;
    ``text`` itself when there is nothing to add, or it does not parse."""
    if language_of(path) != "python":
        return text
    tree = walkable_module(text)  # pyflakes walks a tree by recursion
    if tree is None:
        return text
    pruned = _without_new_unused_imports(path, text, tree, project.get(path, ""))
    pruned_tree = parsed_module(pruned) if pruned != text else None
    if pruned_tree is not None:
        text, tree = pruned, pruned_tree
    missing = undefined_names(path, tree)
    if not missing:
        return text
    attributes = {n.value.id for n in ast.walk(tree)
                  if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}
    wanted = []
    for name in sorted(missing):
        statement = _project_import(path, name, project) or _stdlib_import(name, name in attributes)
        if statement:
            wanted.append(statement)
    return add_imports(text, wanted, dominant_ending(text)) if wanted else text


def _without_new_unused_imports(path: str, text: str, tree: ast.Module, before: str) -> str:
    """``text`` without the top-level imports the reply added and never uses (a model imports
    ``List`` and ``Union`` "just in case"); an import the file had before stays, used or not."""
    if path.rsplit("/", 1)[-1] == "__init__.py":
        return text  # a package's imports are what it exports
    unused = _unused_imports(path, tree)
    if not unused:
        return text
    old = parsed_module(before)
    had = {name for node in old.body for name in _import_names(node)} if old is not None else set()
    lines = split_lines(text)
    for node in reversed(tree.body):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.end_lineno is None:
            continue
        kept = [a for a in node.names
                if not (_spellings(node, a) & unused.get(node.lineno, set())) or _spellings(node, a) & had]
        if len(kept) == len(node.names):
            continue
        first, last = node.lineno - 1, node.end_lineno - 1
        if lines[last][node.end_col_offset:].strip() or lines[first][:node.col_offset].strip():
            continue  # shares its line with other code: left for the review
        ending = lines[last][len(lines[last].rstrip("\r\n")):]
        replacement = [ast.unparse(type(node)(**{**node.__dict__, "names": kept})) + ending] if kept else []
        lines[first:last + 1] = replacement
    return "".join(lines)


def _unused_imports(path: str, tree: ast.Module) -> dict[int, set[str]]:
    """Line -> the names pyflakes reports imported there but unused ("typing.List")."""
    try:
        from pyflakes.checker import Checker
    except ImportError:
        return {}
    unused: dict[int, set[str]] = {}
    for m in Checker(tree, filename=path).messages:
        if type(m).__name__ == "UnusedImport":
            unused.setdefault(m.lineno, set()).add(m.message_args[0])
    return unused


def _spellings(node: ast.Import | ast.ImportFrom, alias: ast.alias) -> set[str]:
    """How pyflakes names what ``alias`` imports, with and without its alias."""
    return {pyflakes_name(node, alias), pyflakes_name(node, alias, aliased=False)}


def _import_names(node: ast.stmt) -> set[str]:
    if not isinstance(node, (ast.Import, ast.ImportFrom)):
        return set()
    return {n for a in node.names for n in _spellings(node, a)}


def undefined_names(path: str, tree: ast.Module) -> set[str]:
    """The names pyflakes finds used and never defined in ``tree``."""
    try:
        from pyflakes.checker import Checker
    except ImportError:
        return set()
    checker = Checker(tree, filename=path)
    return {m.message_args[0] for m in checker.messages if type(m).__name__ == "UndefinedName"}


def _project_import(path: str, name: str, project: Mapping[str, str]) -> str | None:
    """``from <module> import <name>`` when exactly one other project module defines ``name``
    at its top level, written the way the file already imports from its package. Code never
    imports from a test module (a rewritten decorator that lost its inner ``handler`` was
    mended with ``from tests.test_routing import handler``, and no test imported any more);
    a test may import from another."""
    owners = [p for p, text in project.items()
              if p != path and language_of(p) == "python" and name in _top_level(text)
              and (is_test_path(path) or not is_test_path(p))]
    if len(owners) != 1 or _reaches(owners[0], path, project):
        return None  # an import back into a module that imports this one fails at import time
    owner = owners[0]
    same_package = owner.rsplit("/", 1)[0] == path.rsplit("/", 1)[0] and "/" in path
    if same_package and _uses_relative_imports(project.get(path, "")):
        module = "." + owner.rsplit("/", 1)[-1].removesuffix(".py")
    else:
        module = max(module_names(owner), key=len)
    return f"from {module} import {name}"


def _reaches(start: str, goal: str, project: Mapping[str, str]) -> bool:
    """Does ``start`` import ``goal``, itself or through other project modules, at its top level
    (where a cycle breaks the import; an import inside a function runs later)?"""
    by_module = module_files(project)
    seen, todo = {start}, [start]
    while todo:
        path = todo.pop()
        for imported in imported_files(project.get(path, ""), path, by_module, top_level=True):
            if imported == goal:
                return True
            if imported not in seen:
                seen.add(imported)
                todo.append(imported)
    return False


def _stdlib_import(name: str, used_as_module: bool) -> str | None:
    if used_as_module and name in sys.stdlib_module_names:
        return f"import {name}"
    if name in WELL_KNOWN and not used_as_module:
        return f"from {WELL_KNOWN[name]} import {name}"
    return None


def _top_level(text: str) -> set[str]:
    tree = parsed_module(text)
    if tree is None:
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def _uses_relative_imports(text: str) -> bool:
    tree = parsed_module(text)
    if tree is None:
        return False
    return any(isinstance(n, ast.ImportFrom) and n.level > 0 for n in ast.walk(tree))
