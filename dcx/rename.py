"""Follow a rename into the files that import the old name: deterministic, no model involved.

When ``calc`` in ``invoices/calc.py`` becomes ``compute_total``, a file that does
``from invoices.calc import calc`` (or ``from .calc import calc``) gets every use of the name
``calc`` renamed: the import and each bare ``calc`` token (not attributes such as ``x.calc``,
not strings or comments). Files that reach the name some other way are left to the code model.
"""

from __future__ import annotations

import ast
import io
import tokenize


def module_names(path: str) -> set[str]:
    """Dotted names ``path`` may be imported as: "src/pkg/mod.py" -> src.pkg.mod, pkg.mod, mod."""
    parts = path.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return {".".join(parts[i:]) for i in range(len(parts)) if parts[i:]}


def _resolved(node: ast.ImportFrom, importer: str) -> str:
    if not node.level:
        return node.module or ""
    package = importer.split("/")[:-1]
    if node.level > 1:
        package = package[: len(package) - (node.level - 1)]
    return ".".join(package + ([node.module] if node.module else []))


def imports_name(text: str, importer: str, module_path: str, name: str) -> bool:
    """True when ``text`` has ``from <module_path's module> import name`` (without ``as``)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    modules = module_names(module_path)
    return any(
        isinstance(node, ast.ImportFrom) and _resolved(node, importer) in modules
        and any(alias.name == name and alias.asname is None for alias in node.names)
        for node in ast.walk(tree)
    )


def rename_references(text: str, importer: str, module_path: str, old: str, new: str) -> str | None:
    """``text`` with the imported name ``old`` renamed to ``new``; None when ``text`` does not
    import it from ``module_path`` or the result would not parse."""
    if not imports_name(text, importer, module_path, old):
        return None
    lines = text.splitlines(keepends=True)
    hits: list[tuple[int, int]] = []
    previous = ""
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.NAME and token.string == old and previous != ".":
                hits.append(token.start)
            if token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT,
                                  tokenize.INDENT, tokenize.DEDENT):
                previous = token.string
    except (tokenize.TokenError, SyntaxError):
        return None
    for row, col in reversed(hits):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + new + line[col + len(old):]
    result = "".join(lines)
    try:
        ast.parse(result)
    except SyntaxError:
        return None
    return result
