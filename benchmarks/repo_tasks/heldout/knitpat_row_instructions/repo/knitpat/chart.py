"""Stitch charts for lace worked in the round.

Rounds are given as lists of stitch abbreviations in working order. Charts
are drawn with round 1 at the bottom and each round read from right to left,
the way they are worked.
"""
from __future__ import annotations

SYMBOLS = {
    "K": ".",
    "P": "-",
    "SL": "V",
    "YO": "O",
    "M1": "M",
    "K2TOG": "/",
    "SSK": "\\",
}
NAMES = {
    "K": "knit",
    "P": "purl",
    "SL": "slip purlwise",
    "YO": "yarn over",
    "M1": "make one",
    "K2TOG": "knit two together",
    "SSK": "slip, slip, knit",
}


def render(rounds: list[list[str]]) -> list[str]:
    """Chart lines from the top (last round) down, each ending with its round number."""
    if not rounds:
        return []
    width = max(len(r) for r in rounds)
    lines = []
    for number in range(len(rounds), 0, -1):
        cells = [SYMBOLS[s] for s in reversed(rounds[number - 1])]
        lines.append("".join(cells).rjust(width) + f" {number}")
    return lines


def legend(rounds: list[list[str]]) -> list[str]:
    """``symbol  name`` for every stitch that appears, in the order of SYMBOLS."""
    used = {s for r in rounds for s in r}
    return [f"{SYMBOLS[s]}  {NAMES[s]}" for s in SYMBOLS if s in used]
