"""Written row instructions such as ``K2, (YO, K2tog) x3, P1``."""
from __future__ import annotations


def expand(instruction: str) -> list[str]:
    """Every stitch of a row, in working order."""
    raise NotImplementedError


def stitches_used(instruction: str) -> int:
    """Stitches taken from the left needle by the row."""
    raise NotImplementedError


def stitches_made(instruction: str) -> int:
    """Stitches put on the right needle by the row."""
    raise NotImplementedError


def check_pattern(rows: list[str], cast_on: int) -> int:
    """Check every row fits the stitches on the needle; return the final count."""
    raise NotImplementedError
