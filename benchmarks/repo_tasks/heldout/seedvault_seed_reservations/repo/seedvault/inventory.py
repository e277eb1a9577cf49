"""Stock of every accession, in grams."""
from __future__ import annotations

from typing import Iterator

from .accession import Accession


class InsufficientSeed(Exception):
    """A withdrawal asked for more seed than is in stock."""


class Inventory:
    def __init__(self) -> None:
        self._accessions: dict[str, Accession] = {}
        self._grams: dict[str, float] = {}

    def register(self, accession: Accession, grams: float = 0.0) -> None:
        """Add a new accession with its opening stock."""
        if accession.code in self._accessions:
            raise ValueError(f"{accession.code} is already registered")
        if grams < 0:
            raise ValueError("opening stock cannot be negative")
        self._accessions[accession.code] = accession
        self._grams[accession.code] = float(grams)

    def deposit(self, code: str, grams: float) -> float:
        """Add seed to an accession; returns the new balance."""
        self._check(code)
        if grams <= 0:
            raise ValueError("deposit must be a positive amount")
        self._grams[code] += grams
        return self._grams[code]

    def withdraw(self, code: str, grams: float) -> float:
        """Take seed out of an accession; returns the new balance."""
        self._check(code)
        if grams <= 0:
            raise ValueError("withdrawal must be a positive amount")
        if grams > self._grams[code]:
            raise InsufficientSeed(
                f"{code} has {self._grams[code]:g} g, cannot withdraw {grams:g} g"
            )
        self._grams[code] -= grams
        return self._grams[code]

    def balance(self, code: str) -> float:
        self._check(code)
        return self._grams[code]

    def accession(self, code: str) -> Accession:
        self._check(code)
        return self._accessions[code]

    def __contains__(self, code: object) -> bool:
        return code in self._accessions

    def __iter__(self) -> Iterator[Accession]:
        return iter(sorted(self._accessions.values(), key=lambda a: a.code))

    def low_stock(self, threshold_g: float) -> list[str]:
        """Codes of accessions below ``threshold_g`` grams, sorted."""
        return sorted(code for code, grams in self._grams.items() if grams < threshold_g)

    def total_grams(self) -> float:
        return sum(self._grams.values())

    def _check(self, code: str) -> None:
        if code not in self._accessions:
            raise KeyError(f"unknown accession {code}")
