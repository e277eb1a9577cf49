"""Firing schedules made of ramp-and-hold segments."""
from __future__ import annotations

from dataclasses import dataclass

ROOM_TEMP_C = 20.0


@dataclass(frozen=True)
class Segment:
    """Ramp at ``rate_c_per_h`` to ``target_c``, then hold for ``hold_min`` minutes."""

    rate_c_per_h: float
    target_c: float
    hold_min: float = 0.0

    def __post_init__(self) -> None:
        if self.rate_c_per_h <= 0:
            raise ValueError("ramp rate must be positive")
        if self.hold_min < 0:
            raise ValueError("hold time cannot be negative")


class FiringSchedule:
    def __init__(self, name: str, segments: list[Segment]) -> None:
        if not segments:
            raise ValueError("a schedule needs at least one segment")
        self.name = name
        self.segments = list(segments)

    @property
    def peak_c(self) -> float:
        return max(s.target_c for s in self.segments)

    def segment_times(self) -> list[tuple[float, float]]:
        """(start, end) of each segment in hours from the start of the firing."""
        times = []
        elapsed = 0.0
        current = ROOM_TEMP_C
        for segment in self.segments:
            start = elapsed
            elapsed += abs(segment.target_c - current) / segment.rate_c_per_h
            elapsed += segment.hold_min / 60
            current = segment.target_c
            times.append((start, elapsed))
        return times

    def duration_hours(self) -> float:
        """Total firing time in hours, to two decimals."""
        return round(self.segment_times()[-1][1], 2)

    def describe(self) -> list[str]:
        lines = []
        for i, segment in enumerate(self.segments, start=1):
            line = f"{i}. {segment.rate_c_per_h:g} °C/h to {segment.target_c:g} °C"
            if segment.hold_min:
                line += f", hold {segment.hold_min:g} min"
            lines.append(line)
        return lines
