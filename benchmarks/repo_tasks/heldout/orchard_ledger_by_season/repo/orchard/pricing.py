"""This season's prices per kilo of top-grade fruit."""
from __future__ import annotations

from .grading import grade_factor

PRICES_PER_KG = {
    "Bramley": 1.10,
    "Cox": 1.60,
    "Egremont Russet": 1.85,
    "Conference": 1.40,
    "Doyenne du Comice": 2.10,
}
DEFAULT_PRICE_PER_KG = 1.00


def price_per_kg(cultivar: str, grade: str) -> float:
    base = PRICES_PER_KG.get(cultivar, DEFAULT_PRICE_PER_KG)
    return round(base * grade_factor(grade), 4)


def value(cultivar: str, grade: str, kg: float) -> float:
    return round(price_per_kg(cultivar, grade) * kg, 2)
