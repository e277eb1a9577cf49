"""The size chart used by the studio's sweater patterns."""
from __future__ import annotations

# Body chest circumference in cm for each size.
CHEST_CM = {
    "XS": 76,
    "S": 86,
    "M": 96,
    "L": 106,
    "XL": 116,
    "2XL": 126,
}
EASE_CM = {"close": 0, "classic": 10, "relaxed": 20, "oversized": 30}


def finished_chest(size: str, fit: str = "classic") -> int:
    """Garment chest measurement for a size and fit."""
    return CHEST_CM[size] + EASE_CM[fit]


def pick_size(chest_cm: float) -> str:
    """The smallest size whose body chest is at least ``chest_cm``."""
    for size, chest in CHEST_CM.items():
        if chest >= chest_cm:
            return size
    raise ValueError(f"no size for a {chest_cm} cm chest")
