"""Seasons, by calendar month."""
from __future__ import annotations

from datetime import date

_NORTH = {
    12: "winter", 1: "winter", 2: "winter",
    3: "spring", 4: "spring", 5: "spring",
    6: "summer", 7: "summer", 8: "summer",
    9: "autumn", 10: "autumn", 11: "autumn",
}
_OPPOSITE = {"winter": "summer", "summer": "winter", "spring": "autumn", "autumn": "spring"}


def season_of(day: date, hemisphere: str = "north") -> str:
    """Meteorological season of *day*: winter is Dec-Feb in the north."""
    if hemisphere not in ("north", "south"):
        raise ValueError("hemisphere must be 'north' or 'south'")
    season = _NORTH[day.month]
    return season if hemisphere == "north" else _OPPOSITE[season]


def days_until_season(day: date, season: str) -> int:
    """Days from *day* to the first day of the next *season* (0 if already in it)."""
    if season not in _OPPOSITE:
        raise ValueError(f"unknown season {season!r}")
    count = 0
    current = day
    while season_of(current) != season:
        current = date.fromordinal(current.toordinal() + 1)
        count += 1
    return count
