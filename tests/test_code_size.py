"""Issue #15's limits on the product's code, checked on every run so they do not creep back:
no module in dcx/ over 500 lines, no function over 80."""

from __future__ import annotations

import ast
from pathlib import Path

DCX = Path(__file__).resolve().parent.parent / "dcx"


def test_no_module_over_500_lines_and_no_function_over_80() -> None:
    too_long = []
    for path in sorted(DCX.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 500:
            too_long.append(f"{path.relative_to(DCX)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > 80:
                    too_long.append(f"{path.relative_to(DCX)}: {node.name} is {length} lines")
    assert too_long == []
