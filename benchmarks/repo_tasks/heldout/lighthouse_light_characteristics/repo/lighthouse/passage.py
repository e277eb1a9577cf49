"""Which lights to look out for along a passage."""
from __future__ import annotations

from typing import Iterable

from .chart import Light
from .geo import bearing_deg, compass_point, distance_nm
from .visibility import visible_range_nm


def lights_in_view(
    lights: Iterable[Light], latitude: float, longitude: float, eye_height_m: float = 2.0
) -> list[tuple[Light, float]]:
    """Lights visible from a position as (light, distance in nm), nearest first."""
    seen = []
    for light in lights:
        distance = distance_nm(latitude, longitude, light.latitude, light.longitude)
        if distance <= visible_range_nm(light.height_m, light.nominal_range_nm, eye_height_m):
            seen.append((light, round(distance, 1)))
    return sorted(seen, key=lambda item: item[1])


def lookout_notes(lights: Iterable[Light], latitude: float, longitude: float) -> list[str]:
    """One line per visible light: name, characteristic, direction and distance."""
    notes = []
    for light, distance in lights_in_view(lights, latitude, longitude):
        direction = compass_point(bearing_deg(latitude, longitude, light.latitude, light.longitude))
        notes.append(f"{light.name} ({light.characteristic}) {direction} {distance} nm")
    return notes
