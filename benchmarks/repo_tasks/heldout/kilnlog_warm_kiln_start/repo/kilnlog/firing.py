"""Individual firings of a kiln."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .cones import cone_reached
from .schedule import FiringSchedule


@dataclass(frozen=True)
class Kiln:
    name: str
    max_temp_c: float


@dataclass
class Firing:
    kiln: Kiln
    schedule: FiringSchedule
    started_at: datetime
    ware: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.schedule.peak_c > self.kiln.max_temp_c:
            raise ValueError(
                f"{self.schedule.name} peaks at {self.schedule.peak_c:g} °C, "
                f"above {self.kiln.name}'s limit of {self.kiln.max_temp_c:g} °C"
            )

    def expected_end(self) -> datetime:
        """When the controller will finish the last segment."""
        return self.started_at + timedelta(hours=self.schedule.duration_hours())

    def is_running(self, now: datetime) -> bool:
        return self.started_at <= now < self.expected_end()

    def cone(self) -> str:
        """Cone the schedule's peak should bend, judged at the final rate to peak."""
        peak = max(self.schedule.segments, key=lambda s: s.target_c)
        return cone_reached(peak.target_c, peak.rate_c_per_h)
