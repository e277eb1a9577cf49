"""Charted lights."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Light:
    name: str
    latitude: float
    longitude: float
    characteristic: str
    height_m: float
    nominal_range_nm: float


LIGHTS = [
    Light("Lizard", 49.9597, -5.2019, "Fl W 3s", 70, 26),
    Light("St Anthony Head", 50.1414, -5.0158, "Oc WR 15s", 22, 16),
    Light("Tater Du", 50.0553, -5.5775, "Fl(3) W 15s", 34, 20),
    Light("Wolf Rock", 49.9453, -5.8083, "Fl W 15s", 34, 16),
    Light("Penzance South Pier", 50.1167, -5.5333, "Fl WR 5s", 11, 9),
    Light("Newlyn South Pier", 50.1017, -5.5417, "Fl WG 5s", 10, 9),
]


def find(name: str, lights: list[Light] = LIGHTS) -> Light:
    """Look a light up by name, ignoring case."""
    for light in lights:
        if light.name.lower() == name.strip().lower():
            return light
    raise KeyError(f"no light called {name!r}")
