"""The Ingredient type."""

from dataclasses import dataclass
from fractions import Fraction
from typing import Optional

from .quantities import format_amount


@dataclass(frozen=True)
class Ingredient:
    """An amount of something, e.g. 1 1/2 cups of flour.

    *quantity* and *unit* are None for things like "salt to taste".
    """

    quantity: Optional[Fraction]
    unit: Optional[str]
    name: str

    def scaled(self, factor) -> "Ingredient":
        """The same ingredient with its quantity multiplied by *factor*."""
        if self.quantity is None:
            return self
        return Ingredient(self.quantity * Fraction(factor), self.unit, self.name)

    def describe(self) -> str:
        """Human-readable form, e.g. ``"1 1/2 cups flour"``."""
        words = []
        if self.quantity is not None:
            words.append(format_amount(self.quantity))
        if self.unit:
            words.append(self.unit)
        words.append(self.name)
        return " ".join(words)
