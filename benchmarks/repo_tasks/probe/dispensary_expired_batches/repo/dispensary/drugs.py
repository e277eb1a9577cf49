"""The formulary: the drugs the pharmacy stocks."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Drug:
    code: str
    name: str
    form: str            # "tablets", "capsules", "ml", ...
    unit_cost: Decimal   # cost price of one tablet / capsule / ml
    controlled: bool = False

    def describe(self, quantity: int) -> str:
        """Label text such as ``28 x Amoxicillin 500mg capsules``."""
        if self.form == "ml":
            return f"{quantity}ml {self.name}"
        return f"{quantity} x {self.name} {self.form}"


class Formulary:
    """Drugs by code; codes are matched case-insensitively."""

    def __init__(self, drugs=()) -> None:
        self._drugs: dict[str, Drug] = {}
        for drug in drugs:
            self.add(drug)

    def add(self, drug: Drug) -> None:
        code = drug.code.upper()
        if code in self._drugs:
            raise ValueError(f"duplicate drug code {code}")
        self._drugs[code] = drug

    def get(self, code: str) -> Drug:
        try:
            return self._drugs[code.strip().upper()]
        except KeyError:
            raise KeyError(f"unknown drug code {code!r}") from None

    def search(self, text: str) -> list[Drug]:
        """Drugs whose name contains *text*, alphabetically."""
        text = text.lower()
        return sorted((d for d in self._drugs.values() if text in d.name.lower()),
                      key=lambda d: d.name)

    def __contains__(self, code: str) -> bool:
        return code.strip().upper() in self._drugs
