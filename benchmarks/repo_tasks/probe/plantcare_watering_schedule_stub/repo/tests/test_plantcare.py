from datetime import date

import pytest

from plantcare.journal import WateringJournal
from plantcare.plants import Plant, species_info
from plantcare.seasons import days_until_season, season_of
from plantcare.units import format_volume, parse_volume


def test_species_lookup():
    assert species_info(" Fern ").interval_days == 3
    with pytest.raises(KeyError):
        species_info("triffid")


def test_plant_validation():
    assert Plant("Monty", "monstera", 2.5).info.thirst == 0.2
    with pytest.raises(ValueError):
        Plant("Basil", "basil", 0.5, location="garden")
    with pytest.raises(ValueError):
        Plant("Basil", "basil", 0)


def test_seasons():
    assert season_of(date(2024, 2, 29)) == "winter"
    assert season_of(date(2024, 3, 1)) == "spring"
    assert season_of(date(2024, 7, 1), hemisphere="south") == "winter"
    assert days_until_season(date(2024, 5, 30), "summer") == 2


def test_journal():
    journal = WateringJournal()
    journal.record("Fern", date(2024, 6, 3))
    journal.record("Fern", date(2024, 5, 30))
    journal.record("Fern", date(2024, 6, 3))
    assert journal.last_watered("Fern") == date(2024, 6, 3)
    assert journal.history("Fern") == [date(2024, 5, 30), date(2024, 6, 3)]
    assert journal.last_watered("Cactus") is None
    assert journal.waterings_between("Fern", date(2024, 6, 1), date(2024, 6, 30)) == 1


def test_journal_lines_round_trip():
    lines = ["# June", "2024-06-03 Fern", "2024-06-01 Basil", ""]
    journal = WateringJournal.from_lines(lines)
    assert journal.to_lines() == ["2024-06-01 Basil", "2024-06-03 Fern"]


def test_volumes():
    assert format_volume(250) == "250 ml"
    assert format_volume(1500) == "1.5 l"
    assert parse_volume("1.5 l") == 1500
    assert parse_volume("250ml") == 250
