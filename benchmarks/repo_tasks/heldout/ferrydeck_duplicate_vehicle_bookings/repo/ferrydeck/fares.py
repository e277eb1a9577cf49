"""Crossing fares."""
from __future__ import annotations

BASE_FARES = {
    "motorcycle": 18.00,
    "car": 42.00,
    "van": 55.00,
    "campervan": 68.00,
    "coach": 140.00,
}
# Charged per started metre above the standard length.
STANDARD_LENGTH_M = 5.0
PER_EXTRA_METRE = 9.50
PASSENGER_FARE = 6.50
RETURN_DISCOUNT = 0.15


def vehicle_fare(kind: str, length_m: float) -> float:
    """Single fare for the vehicle and its driver."""
    base = BASE_FARES[kind]
    extra = max(0.0, length_m - STANDARD_LENGTH_M)
    started_metres = int(extra) + (1 if extra % 1 else 0)
    return round(base + started_metres * PER_EXTRA_METRE, 2)


def total_fare(kind: str, length_m: float, passengers: int, return_trip: bool = False) -> float:
    """Fare for a vehicle plus its passengers (the driver travels free)."""
    if passengers < 1:
        raise ValueError("at least the driver must travel")
    single = vehicle_fare(kind, length_m) + (passengers - 1) * PASSENGER_FARE
    if return_trip:
        return round(2 * single * (1 - RETURN_DISCOUNT), 2)
    return round(single, 2)
