"""Planned tours: a chosen set of stops, in one language, in walking order."""
from __future__ import annotations

from .exhibits import Catalogue, Stop
from .languages import language_name, normalise_language
from .timing import format_clock, format_total


class Tour:
    """The stops to visit, in order, with commentary in one language."""

    def __init__(self, language: str, stops: list[Stop]) -> None:
        raise NotImplementedError

    def total_seconds(self) -> int:
        raise NotImplementedError

    def rooms(self) -> list[str]:
        raise NotImplementedError

    def running_order(self) -> list[str]:
        raise NotImplementedError

    def summary(self) -> str:
        raise NotImplementedError


def route_order(stops: list[Stop]) -> list[Stop]:
    raise NotImplementedError


def build_tour(catalogue: Catalogue, numbers: list[int], language: str) -> Tour:
    raise NotImplementedError


def room_tour(catalogue: Catalogue, room: str, language: str) -> Tour:
    raise NotImplementedError


def fit_to_time(tour: Tour, minutes: int) -> Tour:
    raise NotImplementedError
