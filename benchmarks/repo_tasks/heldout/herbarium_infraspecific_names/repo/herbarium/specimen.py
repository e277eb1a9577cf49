"""A mounted herbarium specimen."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from .taxonomy import TaxonName


@dataclass
class Specimen:
    catalog_no: str
    name: TaxonName
    collector: str
    collector_no: str
    collected_on: Optional[date]
    locality: str
    country: str
    elevation_m: Optional[int] = None
    det_by: str = ""

    def __post_init__(self) -> None:
        if not self.catalog_no.strip():
            raise ValueError("catalog number is required")
        if self.elevation_m is not None and self.elevation_m < -450:
            raise ValueError(f"implausible elevation: {self.elevation_m} m")

    @property
    def year(self) -> Optional[int]:
        return self.collected_on.year if self.collected_on else None
