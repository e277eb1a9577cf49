"""Light characteristics as printed on charts, e.g. ``Fl(3) W 15s``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Characteristic:
    pattern: str
    group: int
    colours: str
    period: Optional[float]


def parse(text: str) -> Characteristic:
    """Read a characteristic such as ``"Fl(3) W 15s"``."""
    raise NotImplementedError


def describe(characteristic: Characteristic) -> str:
    """Plain-English description for the lookout."""
    raise NotImplementedError


def flash_sequence(characteristic: Characteristic) -> list[tuple[bool, float]]:
    """One period of the light as (lit, seconds) steps."""
    raise NotImplementedError


def is_lit(characteristic: Characteristic, t: float) -> bool:
    """Whether the light shows ``t`` seconds after the start of a period."""
    raise NotImplementedError
