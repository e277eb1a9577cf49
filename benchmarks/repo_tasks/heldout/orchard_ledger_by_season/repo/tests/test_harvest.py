from datetime import date

import pytest

from orchard.harvest import HarvestLedger

from tests.sample import TREES


def test_totals(ledger):
    assert ledger.total_kg() == 145.0
    assert ledger.by_cultivar() == {
        "Bramley": 88.0, "Conference": 20.0, "Cox": 27.5, "Egremont Russet": 9.5,
    }
    assert ledger.by_row() == {1: 115.5, 2: 29.5}


def test_best_trees(ledger):
    assert ledger.best_trees(2) == [("R1-01", 88.0), ("R1-02", 27.5)]


def test_revenue(ledger):
    assert ledger.revenue() == 139.32


def test_record_validation(ledger):
    with pytest.raises(KeyError):
        ledger.record("R9-09", date(2023, 9, 1), 5.0)
    with pytest.raises(ValueError):
        ledger.record("R1-01", date(2023, 9, 1), 0)


def test_for_season_keeps_only_that_years_picks(ledger):
    season = ledger.for_season(2023)
    assert isinstance(season, HarvestLedger)
    assert season.total_kg() == 74.5
    assert season.by_cultivar() == {"Bramley": 50.0, "Cox": 15.0, "Egremont Russet": 9.5}
    assert season.best_trees(1) == [("R1-01", 50.0)]
    assert {p.picked_on.year for p in season.picks} == {2023}


def test_for_season_leaves_ledger_alone(ledger):
    ledger.for_season(2022)
    assert ledger.total_kg() == 145.0
    assert ledger.for_season(2022).by_row() == {1: 50.5, 2: 20.0}


def test_for_season_without_picks(ledger):
    empty = ledger.for_season(2019)
    assert empty.total_kg() == 0
    assert empty.picks == ()
    assert empty.tree("R2-01").cultivar == "Conference"


def test_seasons(ledger):
    assert ledger.seasons() == [2022, 2023]
    assert HarvestLedger(TREES).seasons() == []
