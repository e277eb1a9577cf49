import pytest

from stockroom.catalog import Catalog, Product
from stockroom.picking import execute_pick, plan_pick
from stockroom.reports import bin_utilisation, stock_report
from stockroom.warehouse import CapacityError, InsufficientStock, Warehouse


@pytest.fixture
def wh():
    w = Warehouse()
    w.add_bin("A1", 100)
    w.add_bin("A2", 40)
    w.add_bin("B1", 20)
    w.add("A1", "BOLT", 60)
    w.add("A2", "BOLT", 30)
    w.add("A2", "NUT", 10)
    return w


def test_add_respects_capacity(wh):
    with pytest.raises(CapacityError):
        wh.add("A2", "NUT", 1)


def test_remove_more_than_held(wh):
    with pytest.raises(InsufficientStock):
        wh.remove("A2", "NUT", 11)


def test_totals_and_bins(wh):
    assert wh.total("BOLT") == 90
    assert wh.bins_holding("BOLT") == ["A1", "A2"]


def test_plan_pick_fullest_first(wh):
    assert plan_pick(wh, "BOLT", 70) == [("A1", 60), ("A2", 10)]
    execute_pick(wh, "BOLT", plan_pick(wh, "BOLT", 70))
    assert wh.total("BOLT") == 20


def test_plan_pick_not_enough(wh):
    with pytest.raises(InsufficientStock):
        plan_pick(wh, "NUT", 11)


def test_reports(wh):
    cat = Catalog([Product("BOLT", "M6 bolt"), Product("NUT", "M6 nut"), Product("WASH", "Washer")])
    assert stock_report(wh, cat) == [
        "BOLT    M6 bolt                 90 each  A1,A2",
        "NUT     M6 nut                  10 each  A2",
    ]
    assert bin_utilisation(wh) == {"A1": 60.0, "A2": 100.0, "B1": 0.0}


def test_catalog_duplicate():
    cat = Catalog([Product("BOLT", "M6 bolt")])
    with pytest.raises(ValueError):
        cat.register(Product("BOLT", "other"))
