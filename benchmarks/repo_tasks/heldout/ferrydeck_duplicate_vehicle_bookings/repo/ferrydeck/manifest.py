"""Loading manifest handed to the deck crew before a sailing."""
from __future__ import annotations

from .booking import BookingOffice


def manifest_rows(office: BookingOffice, sailing_id: str) -> list[tuple[int, str, str, int]]:
    """(lane, registration, kind, passengers) for every booked vehicle, by lane."""
    rows = [
        (b.lane, b.vehicle.registration, b.vehicle.kind, b.passengers)
        for b in office.bookings_for(sailing_id)
    ]
    return sorted(rows, key=lambda row: (row[0], row[1]))


def manifest(office: BookingOffice, sailing_id: str) -> str:
    """Printable manifest with a totals line."""
    rows = manifest_rows(office, sailing_id)
    lines = [f"Sailing {sailing_id}", "Lane  Registration  Kind        Pax"]
    for lane, registration, kind, pax in rows:
        lines.append(f"{lane:<5} {registration:<13} {kind:<11} {pax:>3}")
    people = sum(row[3] for row in rows)
    free = office.deck(sailing_id).free_m
    lines.append(f"{len(rows)} vehicles, {people} people, {free:.1f} m free")
    return "\n".join(lines)
