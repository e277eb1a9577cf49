"""People who fish."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Angler:
    name: str
    born: date
    postcode: str

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("an angler needs a name")


def age_on(born: date, day: date) -> int:
    """Age in whole years on *day*; someone born on 29 February has birthdays on 1 March."""
    if day < born:
        raise ValueError(f"{day} is before the date of birth {born}")
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years


def is_local(angler: Angler, districts: tuple[str, ...] = ("HR1", "HR2", "HR4")) -> bool:
    """Members living in the association's postcode districts pay the local rate."""
    return angler.postcode.split()[0].upper() in districts
