"""Small helpers on lines of text shared by the modules that read and place code."""

from __future__ import annotations

from dcx.patch import split_lines


def indent_of(line: str) -> str:
    """The spaces and tabs a line starts with."""
    return line[: len(line) - len(line.lstrip(" \t"))]


def dedent(code: str) -> str:
    """Shift code left so its least indented non-blank line starts at column 0."""
    lines = code.split("\n")
    indents = [len(indent_of(line)) for line in lines if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(line[cut:] if line.strip() else "" for line in lines)


def numbered(text: str, first: int = 1) -> str:
    """``text`` with each line prefixed by its number (``  12| code``), as models are shown files."""
    return "".join(f"{first + i:4d}| {line.rstrip(chr(13) + chr(10))}\n"
                   for i, line in enumerate(split_lines(text)))


def clipped(text: str, limit: int = 100) -> str:
    """``text`` cut to ``limit`` characters, ending in "..." when cut: code quoted in a message
    of one line."""
    return text if len(text) <= limit else text[:limit - 3] + "..."
