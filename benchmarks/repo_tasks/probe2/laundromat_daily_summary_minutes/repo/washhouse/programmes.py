"""The programme card: which cycles each kind of machine offers, and at what price."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .durations import parse_duration
from .machines import KINDS


@dataclass(frozen=True)
class Programme:
    code: str
    machine_kind: str
    name: str
    minutes: int
    price: Decimal


def parse_programme_line(line: str) -> Programme:
    """Parse 'W-COT40 | washer | Cotton 40 | 55m | 4.50'."""
    fields = [f.strip() for f in line.split("|")]
    if len(fields) != 5:
        raise ValueError(f"expected 5 fields, got {len(fields)}: {line!r}")
    code, kind, name, duration, price = fields
    if kind not in KINDS:
        raise ValueError(f"unknown machine kind {kind!r} in {line!r}")
    try:
        amount = Decimal(price.lstrip("£"))
    except InvalidOperation:
        raise ValueError(f"bad price {price!r} in {line!r}") from None
    return Programme(code, kind, name, parse_duration(duration), amount)


def load_programmes(text: str) -> dict[str, Programme]:
    """Read a whole card; blank lines and '#' comments are skipped."""
    programmes: dict[str, Programme] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        programme = parse_programme_line(line)
        if programme.code in programmes:
            raise ValueError(f"programme {programme.code} listed twice")
        programmes[programme.code] = programme
    return programmes
