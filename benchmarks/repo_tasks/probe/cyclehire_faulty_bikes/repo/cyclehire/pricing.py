"""What a ride costs."""
from __future__ import annotations

import math
from decimal import Decimal

UNLOCK_FEE = Decimal("1.00")
PER_MINUTE = {"classic": Decimal("0.10"), "ebike": Decimal("0.25")}
# Members ride classic bikes free for this many minutes (no unlock fee either).
MEMBER_FREE_MINUTES = 30


def ride_minutes(seconds: float) -> int:
    """Rides are charged per started minute."""
    if seconds < 0:
        raise ValueError("ride cannot end before it starts")
    return math.ceil(seconds / 60)


def ride_cost(kind: str, minutes: int, member: bool) -> Decimal:
    """Cost of a ride of *minutes* on a bike of *kind*."""
    rate = PER_MINUTE[kind]
    if member and kind == "classic":
        charged = max(0, minutes - MEMBER_FREE_MINUTES)
        return (rate * charged).quantize(Decimal("0.01"))
    return (UNLOCK_FEE + rate * minutes).quantize(Decimal("0.01"))


def day_pass_saves(rides: list[tuple[str, int]], member: bool,
                   day_pass: Decimal = Decimal("8.00")) -> Decimal:
    """How much a day pass would have saved over paying ride by ride.

    *rides* holds (kind, minutes) pairs; the answer is never negative.
    """
    paid = sum((ride_cost(kind, minutes, member) for kind, minutes in rides), Decimal("0"))
    return max(Decimal("0.00"), (paid - day_pass).quantize(Decimal("0.01")))
