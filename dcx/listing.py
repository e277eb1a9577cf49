"""How a message names a list that may be long: the first few, and how many more."""

from __future__ import annotations

from typing import Sequence


def first_few(names: Sequence[str], shown: int) -> str:
    """``"a, b, c and 4 more"``: the first ``shown`` names and the count of the rest."""
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more} more" if more > 0 else "")
