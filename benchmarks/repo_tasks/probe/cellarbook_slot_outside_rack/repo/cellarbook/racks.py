"""Racks: grids of slots named by row letter and column number."""
from __future__ import annotations

import re
import string

_SLOT_RE = re.compile(r"([A-Za-z])(\d{1,2})")


class Rack:
    """A rack of ``rows`` x ``columns`` slots.

    Rows are lettered from A at the top, columns numbered from 1 at the
    left, so the top-left slot is ``A1``.
    """

    def __init__(self, name: str, rows: int, columns: int) -> None:
        if not 1 <= rows <= 26:
            raise ValueError("a rack has between 1 and 26 rows")
        if columns < 1:
            raise ValueError("a rack needs at least one column")
        self.name = name
        self.rows = rows
        self.columns = columns

    @property
    def size(self) -> int:
        return self.rows * self.columns

    def label(self, row: int, column: int) -> str:
        """The slot name for zero-based *row* and *column*."""
        return f"{string.ascii_uppercase[row]}{column + 1}"

    def labels(self) -> list[str]:
        """Every slot, row by row."""
        return [self.label(r, c) for r in range(self.rows) for c in range(self.columns)]

    def position(self, slot: str) -> tuple[int, int]:
        """Zero-based (row, column) of a slot name such as ``"B3"`` or ``"b3"``."""
        match = _SLOT_RE.fullmatch(slot.strip())
        if not match:
            raise ValueError(f"bad slot {slot!r}")
        row = string.ascii_uppercase.index(match.group(1).upper())
        column = int(match.group(2)) - 1
        return row, column
