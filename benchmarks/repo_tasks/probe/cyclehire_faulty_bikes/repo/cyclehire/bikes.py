"""The bikes in the fleet."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("classic", "ebike")

# E-bikes below this charge are kept in the dock to recharge.
MIN_BATTERY_PCT = 20


@dataclass
class Bike:
    bike_id: str
    kind: str = "classic"
    battery_pct: int = 100          # only meaningful for e-bikes

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown bike kind {self.kind!r}")
        if not 0 <= self.battery_pct <= 100:
            raise ValueError("battery must be between 0 and 100%")

    @property
    def is_electric(self) -> bool:
        return self.kind == "ebike"

    def ready_to_ride(self) -> bool:
        """Classic bikes always are; e-bikes need enough charge."""
        return not self.is_electric or self.battery_pct >= MIN_BATTERY_PCT

    def use_battery(self, minutes: int) -> None:
        """Rough battery use: 1% per two minutes of riding."""
        if self.is_electric:
            self.battery_pct = max(0, self.battery_pct - minutes // 2)
