"""The stretches of river the association controls."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Water:
    name: str
    season_opens: tuple[int, int]      # (month, day)
    season_closes: tuple[int, int]
    species: tuple[str, ...]
    juniors_only: bool = False

    def in_season(self, day: date) -> bool:
        """Seasons may run over new year (e.g. 16 June to 14 March for coarse fishing)."""
        today = (day.month, day.day)
        if self.season_opens <= self.season_closes:
            return self.season_opens <= today <= self.season_closes
        return today >= self.season_opens or today <= self.season_closes


WATERS = {
    "Mill Pool": Water("Mill Pool", (6, 16), (3, 14), ("roach", "chub", "perch")),
    "Upper Beat": Water("Upper Beat", (3, 18), (10, 7), ("brown trout", "grayling")),
    "Kids' Pond": Water("Kids' Pond", (1, 1), (12, 31), ("roach", "perch"), juniors_only=True),
}
