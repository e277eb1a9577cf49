from datetime import date

import pytest

from dispensary.batches import Batch
from dispensary.prescriptions import Item, Prescription, fill
from dispensary.reports import expired, expiring_soon, stocktake
from dispensary.stock import InsufficientStock, Stock

TODAY = date(2024, 11, 4)


def make_stock():
    stock = Stock()
    stock.receive(Batch("PARA500", "OLD", date(2024, 10, 31), 32))
    stock.receive(Batch("PARA500", "NEW", date(2027, 5, 31), 100))
    stock.receive(Batch("AMOX500", "A1", date(2024, 11, 4), 20))
    stock.receive(Batch("AMOX500", "A2", date(2025, 8, 31), 50))
    return stock


# --- the reported problem -------------------------------------------------

def test_expired_batch_is_skipped():
    stock = make_stock()
    issued = stock.dispense("PARA500", 32, TODAY)
    assert [(i.batch_no, i.quantity) for i in issued] == [("NEW", 32)]
    quantities = {b.batch_no: b.quantity for b in stock.batches_for("PARA500")}
    assert quantities == {"OLD": 32, "NEW": 68}


def test_only_expired_stock_left_is_not_enough():
    stock = make_stock()
    with pytest.raises(InsufficientStock):
        stock.dispense("PARA500", 110, TODAY)
    assert {b.batch_no: b.quantity for b in stock.batches_for("PARA500")} == {"OLD": 32, "NEW": 100}
    assert stock.log == []


def test_expired_batch_stays_on_write_off_list_after_dispensing():
    stock = make_stock()
    stock.dispense("PARA500", 16, TODAY)
    assert expired(stock, TODAY) == [("PARA500", "OLD", 32)]


def test_prescription_label_names_in_date_batch(formulary):
    stock = make_stock()
    rx = Prescription("A. Jones", "Dr Okafor", [Item("PARA500", 32, "Two when required")])
    labels = fill(rx, stock, formulary, TODAY)
    assert labels[0].batches == ("NEW",)


# --- behaviour that already works and must keep working --------------------

def test_batch_expiring_today_is_still_used_first():
    stock = make_stock()
    issued = stock.dispense("AMOX500", 30, TODAY)
    assert [(i.batch_no, i.quantity) for i in issued] == [("A1", 20), ("A2", 10)]


def test_on_hand_counts_everything_on_the_shelf():
    stock = make_stock()
    assert stock.on_hand("PARA500") == 132
    assert stocktake(stock, {"PARA500": 132, "AMOX500": 70}) == {}


def test_write_off_list_and_expiring_soon():
    stock = make_stock()
    assert expired(stock, TODAY) == [("PARA500", "OLD", 32)]
    assert expiring_soon(stock, TODAY) == [("AMOX500", "A1", 0)]
    assert stock.write_off("PARA500", "OLD") == 32
    assert expired(stock, TODAY) == []


def test_not_enough_stock_at_all():
    stock = make_stock()
    with pytest.raises(InsufficientStock):
        stock.dispense("AMOX500", 71, TODAY)
    assert stock.on_hand("AMOX500") == 70
