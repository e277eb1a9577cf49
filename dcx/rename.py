"""Follow a rename into the files that import the old name: deterministic, no model involved.

When ``calc`` in ``invoices/calc.py`` becomes ``compute_total``, a file that does
``from invoices.calc import calc`` (or ``from .calc import calc``) gets the import and every
load of the name ``calc`` renamed (found with ``ast``: not attributes such as ``x.calc``, keyword
names, strings or comments). Files that bind the name themselves or reach it some other way are
left to the code model.
"""

from __future__ import annotations

import ast

from dcx.pyimports import module_names, resolved_module
from dcx.syntax import parsed_module


def imports_name(text: str, importer: str, module_path: str, name: str) -> bool:
    """True when ``text`` has ``from <module_path's module> import name`` (without ``as``)."""
    tree = parsed_module(text)
    if tree is None:
        return False
    modules = module_names(module_path)
    return any(
        isinstance(node, ast.ImportFrom) and resolved_module(node, importer) in modules
        and any(alias.name == name and alias.asname is None for alias in node.names)
        for node in ast.walk(tree)
    )


def _rebinds(tree: ast.AST, name: str) -> bool:
    """Does the file define ``name`` itself (def, class, parameter, assignment, plain import)?"""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            return True
        if isinstance(node, ast.arg) and node.arg == name:
            return True
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
            return True
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
        if isinstance(node, ast.Import) and any((a.asname or a.name) == name for a in node.names):
            return True
    return False


def uses_name(text: str, name: str, importer: str = "", module_path: str = "") -> bool:
    """Does the Python ``text`` (the file ``importer``) use ``name``, defined in ``module_path``,
    (a load or a from-import) without defining it? ``from pkg import calc`` that imports the
    module ``pkg/calc.py`` itself is not a use of a function ``calc`` defined in it."""
    tree = parsed_module(text)
    if tree is None:
        return False
    if _rebinds(tree, name):
        return False
    modules = module_names(module_path) if module_path else set()

    def imports_it(node: ast.ImportFrom, alias: ast.alias) -> bool:
        if alias.name != name:
            return False
        base = resolved_module(node, importer)
        return f"{base}.{name}" not in modules if base else name not in modules

    return any(
        (isinstance(node, ast.Name) and node.id == name)
        or (isinstance(node, ast.ImportFrom) and any(imports_it(node, a) for a in node.names))
        for node in ast.walk(tree)
    )


def rename_references(text: str, importer: str, module_path: str, old: str, new: str) -> str | None:
    """``text`` with the name ``old``, imported from ``module_path``, renamed to ``new`` (the
    import and every load of the name); None when ``text`` does not import it that way, binds
    the name itself, or the result would not parse."""
    if not imports_name(text, importer, module_path, old):
        return None
    tree = parsed_module(text)
    if tree is None or _rebinds(tree, old):
        return None
    modules = module_names(module_path)
    spots: list[tuple[int, int]] = []  # (line, byte column) of each occurrence to rename
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == old:
            spots.append((node.lineno, node.col_offset))
        elif isinstance(node, ast.ImportFrom) and resolved_module(node, importer) in modules:
            spots += [(a.lineno, a.col_offset) for a in node.names if a.name == old and a.asname is None]
    lines = text.splitlines(keepends=True)
    for row, col in sorted(set(spots), reverse=True):
        raw = lines[row - 1].encode("utf-8")
        if raw[col : col + len(old.encode())] != old.encode():
            return None  # positions do not match the text: leave it to the code model
        lines[row - 1] = (raw[:col] + new.encode() + raw[col + len(old.encode()):]).decode("utf-8")
    result = "".join(lines)
    return None if parsed_module(result) is None else result
