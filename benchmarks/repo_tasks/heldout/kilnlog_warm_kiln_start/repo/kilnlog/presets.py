"""The studio's standard schedules."""
from __future__ import annotations

from .cones import cone_temperature
from .schedule import FiringSchedule, Segment


def bisque(cone: str = "04") -> FiringSchedule:
    """Slow start to drive off water, then a medium ramp to the cone."""
    top = cone_temperature(cone, 60)
    return FiringSchedule(
        f"bisque cone {cone}",
        [
            Segment(60, 120, hold_min=60),
            Segment(150, 600),
            Segment(60, top, hold_min=10),
        ],
    )


def glaze(cone: str = "6", slow_cool: bool = False) -> FiringSchedule:
    """Fast ramp, slow finish to the cone, optional controlled cool for matte glazes."""
    top = cone_temperature(cone, 60)
    segments = [
        Segment(150, 1000),
        Segment(60, top, hold_min=10),
    ]
    if slow_cool:
        segments.append(Segment(80, 760))
    return FiringSchedule(f"glaze cone {cone}", segments)
