"""Filling prescriptions from stock."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .drugs import Formulary
from .stock import Stock


@dataclass
class Item:
    drug_code: str
    quantity: int
    directions: str


@dataclass
class Prescription:
    patient: str
    prescriber: str
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Label:
    patient: str
    text: str
    directions: str
    batches: tuple[str, ...]


def fill(prescription: Prescription, stock: Stock, formulary: Formulary,
         today: date, register: list | None = None) -> list[Label]:
    """Dispense every item and return the labels to print.

    Controlled drugs are also written to *register* (the controlled drugs
    register) as ``(date, patient, code, quantity)``.
    """
    for item in prescription.items:
        formulary.get(item.drug_code)      # unknown codes fail before anything is taken
    labels = []
    for item in prescription.items:
        drug = formulary.get(item.drug_code)
        issued = stock.dispense(drug.code, item.quantity, today)
        if drug.controlled and register is not None:
            register.append((today, prescription.patient, drug.code, item.quantity))
        labels.append(Label(prescription.patient, drug.describe(item.quantity),
                            item.directions, tuple(i.batch_no for i in issued)))
    return labels
