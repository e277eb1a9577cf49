"""How sure the code model was of the lines a sampled reply adds, and when that is too little for
a change that no test checks.

The first try at a target is greedy; a retry after a reply that was not usable (it failed a
check, or changed nothing) samples. Measured on three suites (documentation/benchmarks.md, "The
code model's own confidence"), changes from sampled retries are right less often than greedy
ones, and none whose added lines hold a token the model gave a probability below UNSURE was
right: such a change, shown without a test to check it, is more likely to break working code
than to do what was asked. Greedy changes are not judged so: there the model's certainty does
not tell a right change from a wrong one.
"""

from __future__ import annotations

import difflib
from typing import Mapping, Sequence

UNSURE = 0.2  # set before the held-out suite was run (benchmarks.md), not tuned on it


def added_lines(old: str, new: str) -> list[str]:
    """The lines (stripped, blank ones left out) that ``new`` has where ``old`` has others or none."""
    before, after = old.splitlines(), new.splitlines()
    found: list[str] = []
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag in ("insert", "replace"):
            found += [line.strip() for line in after[j1:j2] if line.strip()]
    return found


def lowest_added(tokens: Sequence[tuple[str, float]], old: Mapping[str, str],
                 new: Mapping[str, str]) -> float | None:
    """The lowest probability of a token spelling a line that ``new`` (path -> text) adds to
    ``old``, where ``tokens`` (a reply's, each with its probability) spell that line; None when
    they spell none of the added lines (dcx wrote them, or nothing was added)."""
    spans, at = [], 0
    for piece, probability in tokens:
        spans.append((at, at + len(piece), probability))
        at += len(piece)
    text = "".join(piece for piece, _ in tokens)
    lowest: float | None = None
    for path, changed in new.items():
        for line in added_lines(old.get(path, ""), changed):
            start = text.find(line)
            if start < 0:
                continue
            end = start + len(line)
            for a, b, probability in spans:
                if a < end and b > start and (lowest is None or probability < lowest):
                    lowest = probability
    return lowest


def unsure(doubts: Sequence[tuple[str, str, float]]) -> str:
    """Why a change is too unsure to show with no test to check it, given (target, path, lowest
    added-line probability) of each of its edits that came from a sampled reply: the least sure
    one below UNSURE; "" when there is none."""
    below = [d for d in doubts if d[2] < UNSURE]
    if not below:
        return ""
    target, path, probability = min(below, key=lambda d: d[2])
    return (f"the code model's change to {target} in {path} came from a retry (its first reply "
            f"was not usable), and the model was unsure of it (a token at probability "
            f"{probability:.2f}); with no test to check it, dcx does not offer it: a test command "
            "(`dcx fix --test`, or /test in a chat) checks each attempt")
