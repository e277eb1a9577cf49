"""Venues and their seating sections."""

from .errors import UnknownSection


class Venue:
    def __init__(self, name: str, sections: dict):
        if not sections:
            raise ValueError("a venue needs at least one section")
        for section, capacity in sections.items():
            if capacity <= 0:
                raise ValueError(f"section {section} must have seats")
        self.name = name
        self.sections = dict(sections)

    def capacity(self, section: str) -> int:
        try:
            return self.sections[section]
        except KeyError:
            raise UnknownSection(f"{self.name} has no section {section!r}") from None

    @property
    def total_capacity(self) -> int:
        return sum(self.sections.values())
