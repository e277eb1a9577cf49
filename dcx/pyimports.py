"""How Python files of the repository import each other: the module names a file may be imported
as, the module a ``from ... import`` reads from, the repository files a file imports, and which
file a dotted name surely is when following what loading a module loads."""

from __future__ import annotations

import ast
import sys
from collections import Counter
from typing import Mapping

from dcx.syntax import parsed_module
from dcx.targets import language_of


def module_names(path: str) -> set[str]:
    """Dotted names ``path`` may be imported as: "src/pkg/mod.py" -> src.pkg.mod, pkg.mod, mod."""
    parts = path.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return {".".join(parts[i:]) for i in range(len(parts)) if parts[i:]}


def resolved_module(node: ast.ImportFrom, importer: str) -> str:
    """The dotted module ``from ... import`` reads from, relative imports resolved for ``importer``."""
    if not node.level:
        return node.module or ""
    package = importer.split("/")[:-1]
    if node.level > 1:
        package = package[: len(package) - (node.level - 1)]
    return ".".join(package + ([node.module] if node.module else []))


def pyflakes_name(node: ast.Import | ast.ImportFrom, alias: ast.alias, aliased: bool = True) -> str:
    """How pyflakes names what ``alias`` of ``node`` imports ("os", "decimal.Decimal", ".m.k",
    "numpy as np"; an alias that only repeats the name is not spelled); ``aliased`` False: the
    name without its alias."""
    if isinstance(node, ast.Import):
        name = alias.name
    else:
        name = f"{'.' * node.level}{node.module or ''}.{alias.name}".replace("..", ".")
    renamed = aliased and alias.asname and alias.asname != alias.name.rsplit(".", 1)[-1]
    return f"{name} as {alias.asname}" if renamed else name


def imported_files(text: str, importer: str, by_module: Mapping[str, str],
                   top_level: bool = False) -> list[str]:
    """Repository files a Python file imports (``import m``, ``from m import x``, ``from . import m``);
    with ``top_level``, only by the imports that run when the module is imported."""
    tree = parsed_module(text)
    if tree is None:
        return []
    out = []
    for node in tree.body if top_level else ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = resolved_module(node, importer)
            modules = [base] + [f"{base}.{a.name}" if base else a.name for a in node.names]
        else:
            continue
        out += [by_module[m] for m in modules if m in by_module and by_module[m] != importer]
    return list(dict.fromkeys(out))


def module_files(files: Mapping[str, str]) -> dict[str, str]:
    """Dotted name -> the Python file of ``files`` it imports (of two files one name could be,
    the later)."""
    return {m: p for p in files if language_of(p) == "python" for m in module_names(p)}


def loading_modules(project: Mapping[str, str]) -> dict[str, str]:
    """Dotted name -> project file, for following what loading a module loads: only names one
    file can be imported as, and none that starts like a standard-library module (in
    rich/segment.py, ``from logging import getLogger`` is Python's logging, not rich/logging.py)."""
    names = Counter(m for p in project if language_of(p) == "python" for m in module_names(p))
    return {m: p for m, p in module_files(project).items()
            if names[m] == 1 and m.split(".")[0] not in sys.stdlib_module_names}
