"""A recipe: grain bill, hop schedule and the numbers brewers care about."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import colour
from .bitterness import tinseth_ibu
from .gravity import abv
from .units import grams_to_lb, litres_to_gal, parse_quantity


@dataclass
class Fermentable:
    name: str
    grams: float
    lovibond: float
    ppg: float


@dataclass
class HopAddition:
    name: str
    grams: float
    alpha_pct: float
    minutes: float


@dataclass
class Recipe:
    name: str
    batch_l: float
    efficiency: float = 0.72
    attenuation: float = 0.75
    fermentables: list[Fermentable] = field(default_factory=list)
    hops: list[HopAddition] = field(default_factory=list)

    def add_fermentable(self, name: str, amount: str, lovibond: float, ppg: float) -> Fermentable:
        """Add grain or extract; ``amount`` is written like "4.5 kg" or "1.5 lb"."""
        item = Fermentable(name, parse_quantity(amount), lovibond, ppg)
        self.fermentables.append(item)
        return item

    def add_hop(self, name: str, amount: str, alpha_pct: float, minutes: float) -> HopAddition:
        """Add a hop addition; ``amount`` is written like "28 g"."""
        item = HopAddition(name, parse_quantity(amount), alpha_pct, minutes)
        self.hops.append(item)
        return item

    def original_gravity(self) -> float:
        gallons = litres_to_gal(self.batch_l)
        gravity_points = sum(grams_to_lb(f.grams) * f.ppg for f in self.fermentables) * self.efficiency
        return round(1 + gravity_points / gallons / 1000, 3)

    def final_gravity(self) -> float:
        og = self.original_gravity()
        return round(1 + (og - 1) * (1 - self.attenuation), 3)

    def ibu(self) -> float:
        og = self.original_gravity()
        return round(sum(tinseth_ibu(h.alpha_pct, h.grams, h.minutes, self.batch_l, og) for h in self.hops), 1)

    def srm(self) -> float:
        return colour.srm(((f.grams, f.lovibond) for f in self.fermentables), self.batch_l)

    def summary(self) -> str:
        og, fg = self.original_gravity(), self.final_gravity()
        srm = self.srm()
        return (
            f"{self.name}: OG {og:.3f}, FG {fg:.3f}, ABV {abv(og, fg):.1f}%, "
            f"{self.ibu():.0f} IBU, {srm:.0f} SRM ({colour.describe(srm)})"
        )
