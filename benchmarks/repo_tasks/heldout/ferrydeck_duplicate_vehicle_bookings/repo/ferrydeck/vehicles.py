"""Vehicles as they are entered on the booking form."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

# Typical height for each kind of vehicle when the customer leaves it blank.
DEFAULT_HEIGHTS = {
    "motorcycle": 1.4,
    "car": 1.6,
    "van": 2.6,
    "campervan": 3.1,
    "coach": 3.8,
}

# Space left between vehicles parked nose to tail in a lane.
GAP_M = 0.5


def normalise_registration(text: str) -> str:
    """Canonical form of a registration plate as typed by staff or customers."""
    registration = text.strip().upper()
    if not registration:
        raise ValueError("registration is required")
    return registration


@dataclass(frozen=True)
class Vehicle:
    registration: str
    kind: str
    length_m: float
    height_m: float

    @classmethod
    def from_form(
        cls, registration: str, kind: str, length_m: float, height_m: Optional[float] = None
    ) -> "Vehicle":
        """Build a vehicle from booking form fields, filling in defaults."""
        kind = kind.strip().lower()
        if kind not in DEFAULT_HEIGHTS:
            raise ValueError(f"unknown vehicle kind: {kind!r}")
        if length_m <= 0:
            raise ValueError("length must be positive")
        if height_m is None:
            height_m = DEFAULT_HEIGHTS[kind]
        return cls(normalise_registration(registration), kind, float(length_m), float(height_m))

    @property
    def deck_length(self) -> float:
        """Lane length the vehicle takes up, including the gap behind it."""
        return round(self.length_m + GAP_M, 2)
