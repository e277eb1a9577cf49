"""Tide stations the school uses."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Station:
    code: str
    name: str
    latitude: float
    longitude: float
    # Height of the harbour sill above chart datum, metres.
    sill_m: float = 0.0


STATIONS = {
    "PLH": Station("PLH", "Porthleven Harbour", 50.0833, -5.3167, sill_m=2.1),
    "NWL": Station("NWL", "Newlyn", 50.1030, -5.5430),
    "FAL": Station("FAL", "Falmouth", 50.1500, -5.0500),
}


def get_station(code: str) -> Station:
    try:
        return STATIONS[code.upper()]
    except KeyError:
        raise KeyError(f"unknown station {code!r}") from None


def water_over_sill(station: Station, height_m: float) -> float:
    """Depth of water over the station's sill for a given height of tide."""
    return round(height_m - station.sill_m, 2)
