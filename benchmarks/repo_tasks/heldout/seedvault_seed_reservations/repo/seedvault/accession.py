"""Accessions: one batch of seed of one variety from one harvest."""
from __future__ import annotations

import re
from dataclasses import dataclass

CODE_PATTERN = re.compile(r"^SV-\d{4}$")


@dataclass(frozen=True)
class Accession:
    code: str
    species: str
    variety: str
    harvest_year: int
    grower: str = ""

    def __post_init__(self) -> None:
        if not CODE_PATTERN.match(self.code):
            raise ValueError(f"accession codes look like SV-0001, got {self.code!r}")
        if self.harvest_year < 1900:
            raise ValueError(f"implausible harvest year {self.harvest_year}")

    @property
    def label(self) -> str:
        return f"{self.code} {self.species} '{self.variety}' ({self.harvest_year})"

    def age(self, year: int) -> int:
        """Seasons since harvest."""
        return max(0, year - self.harvest_year)
