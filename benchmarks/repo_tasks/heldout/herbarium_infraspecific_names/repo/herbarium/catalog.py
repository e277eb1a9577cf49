"""The specimen catalogue."""
from __future__ import annotations

from typing import Iterator

from .specimen import Specimen
from .taxonomy import parse_name, same_species


class Catalog:
    def __init__(self) -> None:
        self._specimens: dict[str, Specimen] = {}

    def add(self, specimen: Specimen) -> None:
        if specimen.catalog_no in self._specimens:
            raise ValueError(f"duplicate catalog number {specimen.catalog_no}")
        self._specimens[specimen.catalog_no] = specimen

    def get(self, catalog_no: str) -> Specimen:
        return self._specimens[catalog_no]

    def __len__(self) -> int:
        return len(self._specimens)

    def __iter__(self) -> Iterator[Specimen]:
        return iter(sorted(self._specimens.values(), key=lambda s: s.catalog_no))

    def by_genus(self, genus: str) -> list[Specimen]:
        genus = genus.capitalize()
        return [s for s in self if s.name.genus == genus]

    def search(self, name: str) -> list[Specimen]:
        """Specimens of the species named, including its subspecies and varieties."""
        wanted = parse_name(name)
        return [s for s in self if same_species(s.name, wanted)]

    def collectors(self) -> dict[str, int]:
        """Number of specimens per collector."""
        counts: dict[str, int] = {}
        for specimen in self:
            counts[specimen.collector] = counts.get(specimen.collector, 0) + 1
        return dict(sorted(counts.items()))
