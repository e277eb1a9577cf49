"""Scientific plant names as written on herbarium sheets.

A name is written as ``Genus epithet [rank infraspecific-epithet] [authority]``,
for example ``Fagus sylvatica L.`` or ``Salix alba var. vitellina (L.) Stokes``.
Hybrids carry a multiplication sign before the epithet: ``Mentha × piperita L.``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

RANKS = ("subsp.", "var.", "f.")
HYBRID_SIGNS = ("×", "x")


@dataclass(frozen=True)
class TaxonName:
    genus: str
    species: str
    rank: Optional[str] = None
    infraspecific: Optional[str] = None
    authority: str = ""

    @property
    def is_hybrid(self) -> bool:
        return self.species.startswith("×")

    @property
    def binomial(self) -> str:
        """Genus and species epithet only."""
        return f"{self.genus} {self.species}"

    @property
    def full_name(self) -> str:
        """The name without its authority."""
        if self.rank:
            return f"{self.binomial} {self.rank} {self.infraspecific}"
        return self.binomial


def parse_name(text: str) -> TaxonName:
    """Split a written name into its parts.

    >>> parse_name("Fagus sylvatica L.")
    TaxonName(genus='Fagus', species='sylvatica', rank=None, infraspecific=None, authority='L.')
    """
    tokens = text.split()
    if len(tokens) < 2:
        raise ValueError(f"not a species name: {text!r}")
    genus = tokens[0].capitalize()
    rest = tokens[1:]
    if rest[0] in HYBRID_SIGNS:
        if len(rest) < 2:
            raise ValueError(f"hybrid sign without epithet: {text!r}")
        species = "×" + rest[1].lower()
        rest = rest[2:]
    else:
        species = rest[0].lower()
        rest = rest[1:]
    return TaxonName(genus, species, authority=" ".join(rest))


def same_species(a: TaxonName, b: TaxonName) -> bool:
    """True when two names refer to the same species, ignoring ranks below it."""
    return a.genus == b.genus and a.species == b.species
