"""The handset desk at the entrance."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .languages import normalise_language


class NoHandsetFree(Exception):
    """Every handset is out."""


@dataclass(frozen=True)
class Loan:
    handset: int
    visitor: str
    language: str


class HandsetDesk:
    """Handsets numbered 1..count; the lowest-numbered one on the shelf goes out first."""

    def __init__(self, count: int) -> None:
        if count < 1:
            raise ValueError("the desk needs at least one handset")
        self.count = count
        self._loans: dict[int, Loan] = {}

    def lend(self, visitor: str, language: str) -> Loan:
        code = normalise_language(language)
        for handset in range(1, self.count + 1):
            if handset not in self._loans:
                loan = Loan(handset, visitor, code)
                self._loans[handset] = loan
                return loan
        raise NoHandsetFree("all handsets are out")

    def give_back(self, handset: int) -> Loan:
        try:
            return self._loans.pop(handset)
        except KeyError:
            raise KeyError(f"handset {handset} is not out") from None

    def out(self) -> list[Loan]:
        return [self._loans[h] for h in sorted(self._loans)]

    def languages_in_use(self) -> dict[str, int]:
        """How many handsets are out in each language, most used first."""
        return dict(Counter(loan.language for loan in self._loans.values()).most_common())
