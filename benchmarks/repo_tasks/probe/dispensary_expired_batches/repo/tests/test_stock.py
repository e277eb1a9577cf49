from datetime import date

import pytest

from dispensary.batches import Batch
from dispensary.stock import InsufficientStock, Stock

TODAY = date(2024, 11, 4)


def make_stock():
    stock = Stock()
    stock.receive(Batch("AMOX500", "LATE", date(2026, 1, 31), 100))
    stock.receive(Batch("AMOX500", "SOON", date(2025, 2, 28), 30))
    stock.receive(Batch("PARA500", "P1", date(2027, 5, 31), 64))
    return stock


def test_receive_same_batch_adds_up():
    stock = make_stock()
    stock.receive(Batch("amox500", "SOON", date(2025, 2, 28), 20))
    assert stock.on_hand("AMOX500") == 150
    assert len(stock.batches_for("amox500")) == 2


def test_dispense_first_expiring_first():
    stock = make_stock()
    issued = stock.dispense("AMOX500", 42, TODAY)
    assert [(i.batch_no, i.quantity) for i in issued] == [("SOON", 30), ("LATE", 12)]
    assert stock.on_hand("AMOX500") == 88
    assert stock.log == issued


def test_not_enough_stock_changes_nothing():
    stock = make_stock()
    with pytest.raises(InsufficientStock):
        stock.dispense("AMOX500", 131, TODAY)
    assert stock.on_hand("AMOX500") == 130
    assert stock.log == []


def test_write_off():
    stock = make_stock()
    assert stock.write_off("AMOX500", "SOON") == 30
    assert [b.batch_no for b in stock.batches_for("AMOX500")] == ["LATE"]
    with pytest.raises(KeyError):
        stock.write_off("AMOX500", "SOON")
