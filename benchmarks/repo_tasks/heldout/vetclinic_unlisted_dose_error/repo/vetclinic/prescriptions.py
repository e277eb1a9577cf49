"""Prescriptions and the labels stuck on dispensed bottles."""
from __future__ import annotations

from dataclasses import dataclass

from .dosing import dose_mg, volume_ml
from .patients import Pet


@dataclass(frozen=True)
class Prescription:
    pet: Pet
    drug: str
    daily_mg: float
    daily_ml: float
    days: int

    @property
    def total_ml(self) -> float:
        return round(self.daily_ml * self.days, 2)


def prescribe(pet: Pet, drug: str, days: int = 5) -> Prescription:
    """Work out a once-daily course of ``drug`` for ``pet``."""
    if days < 1:
        raise ValueError("a course lasts at least one day")
    drug = drug.strip().lower()
    mg = dose_mg(drug, pet.species, pet.weight_kg)
    return Prescription(pet, drug, mg, volume_ml(drug, mg), days)


def label(prescription: Prescription) -> str:
    pet = prescription.pet
    return "\n".join([
        f"{pet.name} ({pet.species}), owner {pet.owner}",
        f"{prescription.drug.capitalize()}: give {prescription.daily_ml:g} ml once daily "
        f"for {prescription.days} days",
        f"Dispensed: {prescription.total_ml:g} ml. For animal treatment only.",
    ])
