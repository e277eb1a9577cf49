"""How far away a light can be seen."""
from __future__ import annotations

import math

# Distance to the horizon in nautical miles is about 2.08 * sqrt(height in metres),
# allowing for normal atmospheric refraction.
HORIZON_FACTOR = 2.08


def horizon_nm(height_m: float) -> float:
    if height_m < 0:
        raise ValueError("height cannot be negative")
    return HORIZON_FACTOR * math.sqrt(height_m)


def geographic_range_nm(light_height_m: float, eye_height_m: float = 2.0) -> float:
    """Furthest distance at which the light is above the observer's horizon."""
    return round(horizon_nm(light_height_m) + horizon_nm(eye_height_m), 1)


def visible_range_nm(light_height_m: float, nominal_range_nm: float, eye_height_m: float = 2.0) -> float:
    """A light is seen at the lesser of its geographic and nominal (brightness) ranges."""
    return min(geographic_range_nm(light_height_m, eye_height_m), nominal_range_nm)
