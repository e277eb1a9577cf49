"""Network status for the rebalancing crews."""
from __future__ import annotations

from .station import DockingStation

# Stations with fewer rentable bikes than this need a delivery.
LOW_STOCK = 2


def status_line(station: DockingStation) -> str:
    """e.g. ``Harbour: 3 bikes (1 e-bike), 5 free docks``."""
    bikes = station.available()
    ebikes = station.available("ebike")
    noun = "bike" if bikes == 1 else "bikes"
    e_noun = "e-bike" if ebikes == 1 else "e-bikes"
    return (f"{station.name}: {bikes} {noun} ({ebikes} {e_noun}), "
            f"{station.free_docks} free docks")


def network_status(stations: list[DockingStation]) -> str:
    """One status line per station, alphabetically."""
    return "\n".join(status_line(s) for s in sorted(stations, key=lambda s: s.name))


def rebalance_suggestions(stations: list[DockingStation]) -> dict[str, list[str]]:
    """Which stations need bikes delivered and which need bikes taken away."""
    return {
        "deliver_to": sorted(s.name for s in stations if s.available() < LOW_STOCK),
        "collect_from": sorted(s.name for s in stations if s.free_docks == 0),
    }


def total_bikes(stations: list[DockingStation]) -> dict[str, int]:
    """Bikes docked across the network and how many of them can be rented."""
    return {
        "docked": sum(len(s.bike_ids()) for s in stations),
        "rentable": sum(s.available() for s in stations),
    }
