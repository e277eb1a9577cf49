"""Split template source into text, variable and block tokens."""

import re
from dataclasses import dataclass

_TAG_RE = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})", re.DOTALL)


class TemplateSyntaxError(Exception):
    """Raised for malformed templates."""


@dataclass(frozen=True)
class Token:
    kind: str  # "text", "var" or "block"
    value: str
    line: int


def tokenize(source: str) -> list:
    """Return the list of tokens in *source*."""
    tokens = []
    line = 1
    for piece in _TAG_RE.split(source):
        if not piece:
            continue
        if piece.startswith("{{"):
            tokens.append(Token("var", piece[2:-2].strip(), line))
        elif piece.startswith("{%"):
            tokens.append(Token("block", piece[2:-2].strip(), line))
        else:
            if "{{" in piece or "{%" in piece:
                raise TemplateSyntaxError(f"unclosed tag on line {line}")
            tokens.append(Token("text", piece, line))
        line += piece.count("\n")
    return tokens
