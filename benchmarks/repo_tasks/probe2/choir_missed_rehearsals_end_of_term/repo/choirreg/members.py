"""Choir members and their voice parts."""
from __future__ import annotations

from dataclasses import dataclass

PARTS = ("soprano", "alto", "tenor", "bass")
_SHORT = {"s": "soprano", "sop": "soprano", "a": "alto", "t": "tenor",
          "ten": "tenor", "b": "bass"}


@dataclass(frozen=True)
class Member:
    name: str
    part: str


def normalise_part(text: str) -> str:
    """'Alto', 'A' or 'sop' -> the part's full name."""
    key = text.strip().lower()
    if key in PARTS:
        return key
    try:
        return _SHORT[key]
    except KeyError:
        raise ValueError(f"unknown voice part {text.strip()!r}") from None


def parse_roster(text: str) -> list[Member]:
    """One 'Name, part' per line; blank lines are skipped. Sorted by part, then name."""
    members = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        name, sep, part = raw.rpartition(",")
        if not sep or not name.strip():
            raise ValueError(f"expected 'name, part': {raw.strip()!r}")
        members.append(Member(" ".join(name.split()), normalise_part(part)))
    names = [m.name for m in members]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"listed twice: {', '.join(duplicates)}")
    return sorted(members, key=lambda m: (PARTS.index(m.part), m.name))
