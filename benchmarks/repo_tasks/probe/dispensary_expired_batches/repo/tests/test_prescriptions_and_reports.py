from datetime import date
from decimal import Decimal

import pytest

from dispensary.batches import Batch
from dispensary.prescriptions import Item, Prescription, fill
from dispensary.reports import expired, expiring_soon, stocktake, valuation
from dispensary.stock import Stock

TODAY = date(2024, 11, 4)


def make_stock():
    stock = Stock()
    stock.receive(Batch("AMOX500", "A1", date(2025, 1, 31), 50))
    stock.receive(Batch("MORPH10", "M1", date(2026, 6, 30), 60))
    stock.receive(Batch("PARA500", "P0", date(2024, 10, 31), 32))
    stock.receive(Batch("PARA500", "P1", date(2027, 5, 31), 100))
    return stock


def test_fill_prints_labels_and_registers_controlled(formulary):
    stock = make_stock()
    register = []
    rx = Prescription("J. Smith", "Dr Patel", [
        Item("amox500", 21, "One three times a day"),
        Item("MORPH10", 10, "One every 4 hours when required"),
    ])
    labels = fill(rx, stock, formulary, TODAY, register)
    assert labels[0].text == "21 x Amoxicillin 500mg capsules"
    assert labels[1].batches == ("M1",)
    assert register == [(TODAY, "J. Smith", "MORPH10", 10)]


def test_fill_unknown_drug_takes_nothing(formulary):
    stock = make_stock()
    rx = Prescription("J. Smith", "Dr Patel", [Item("AMOX500", 21, ""), Item("XYZ", 1, "")])
    with pytest.raises(KeyError):
        fill(rx, stock, formulary, TODAY)
    assert stock.on_hand("AMOX500") == 50


def test_expired_and_expiring_reports():
    stock = make_stock()
    assert expired(stock, TODAY) == [("PARA500", "P0", 32)]
    assert expiring_soon(stock, TODAY) == [("AMOX500", "A1", 88)]


def test_stocktake_and_valuation(formulary):
    stock = make_stock()
    assert stocktake(stock, {"AMOX500": 50, "MORPH10": 59, "PARA500": 132}) == {"MORPH10": -1}
    assert valuation(stock, formulary) == Decimal("28.14")
