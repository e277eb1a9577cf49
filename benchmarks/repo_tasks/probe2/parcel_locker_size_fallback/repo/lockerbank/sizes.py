"""Locker sizes and choosing a locker for a parcel."""
from __future__ import annotations

from .lockers import Locker, LockerBank

# Inside dimensions in cm (longest, middle, shortest side), smallest size first.
SIZES: dict[str, tuple[int, int, int]] = {
    "S": (40, 35, 9),
    "M": (40, 35, 19),
    "L": (64, 40, 39),
}


class ParcelTooLarge(ValueError):
    """The parcel does not fit even the largest locker."""


class NoLockerFree(Exception):
    """Every locker the parcel would fit in is taken."""


def fits(dimensions: tuple[int, int, int], size: str) -> bool:
    """Whether a parcel of *dimensions* (any order) goes into a *size* locker."""
    parcel = sorted(dimensions, reverse=True)
    return all(p <= s for p, s in zip(parcel, SIZES[size]))


def size_for(dimensions: tuple[int, int, int]) -> str:
    """The smallest locker size the parcel fits in."""
    if any(d <= 0 for d in dimensions):
        raise ValueError(f"bad parcel dimensions {dimensions}")
    for size in SIZES:
        if fits(dimensions, size):
            return size
    raise ParcelTooLarge(f"parcel {dimensions} does not fit any locker")


def pick_locker(bank: LockerBank, dimensions: tuple[int, int, int]) -> Locker:
    """The locker a parcel of *dimensions* should go in (lowest number first)."""
    size = size_for(dimensions)
    free = bank.free(size)
    if not free:
        raise NoLockerFree(f"no locker free for a {size} parcel at {bank.site}")
    return free[0]
