import pytest

from stockroom.transfers import TransferLog, consolidate, transfer
from stockroom.warehouse import CapacityError, InsufficientStock, Warehouse


@pytest.fixture
def wh():
    w = Warehouse()
    w.add_bin("A1", 100)
    w.add_bin("B1", 20)
    w.add_bin("C1", 50)
    w.add("A1", "BOLT", 60)
    w.add("B1", "NUT", 15)
    w.add("C1", "BOLT", 5)
    return w


def test_transfer_moves_and_logs(wh):
    log = TransferLog()
    t = transfer(wh, "BOLT", 10, "A1", "C1", log=log, reference="restock")
    assert (wh.quantity("A1", "BOLT"), wh.quantity("C1", "BOLT")) == (50, 15)
    assert log.entries == [t]
    assert t.reference == "restock"


def test_transfer_same_bin(wh):
    with pytest.raises(ValueError):
        transfer(wh, "BOLT", 1, "A1", "A1")


def test_transfer_not_enough_stock(wh):
    log = TransferLog()
    with pytest.raises(InsufficientStock):
        transfer(wh, "NUT", 16, "B1", "A1", log=log)
    assert wh.quantity("B1", "NUT") == 15
    assert len(log) == 0


def test_consolidate(wh):
    moves = consolidate(wh, "BOLT", "A1")
    assert [(m.source, m.qty) for m in moves] == [("C1", 5)]
    assert wh.bins_holding("BOLT") == ["A1"]


def test_failed_transfer_to_full_bin_keeps_stock(wh):
    log = TransferLog()
    with pytest.raises(CapacityError):
        transfer(wh, "BOLT", 10, "A1", "B1", log=log)
    assert wh.quantity("A1", "BOLT") == 60
    assert wh.quantity("B1", "BOLT") == 0
    assert wh.total("BOLT") == 65
    assert len(log) == 0


def test_failed_consolidate_keeps_stock(wh):
    with pytest.raises(CapacityError):
        consolidate(wh, "BOLT", "B1")
    assert wh.total("BOLT") == 65
    assert wh.quantity("B1", "BOLT") == 0
