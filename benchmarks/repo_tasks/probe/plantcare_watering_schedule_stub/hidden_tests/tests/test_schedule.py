from datetime import date, timedelta

import pytest

from plantcare.journal import WateringJournal
from plantcare.plants import Plant, species_info
from plantcare.schedule import (due_list, format_plan, next_watering, plan_week,
                                water_amount_ml, watering_interval)
from plantcare.seasons import season_of
from plantcare.units import format_volume

BASIL = Plant("Basil", "basil", 0.6, location="balcony")
FERN = Plant("Fern", "fern", 1.2)
MONTY = Plant("Monty", "monstera", 2.5)
SPIKE = Plant("Spike", "cactus", 0.1)
ORCHID = Plant("Orchid", "orchid", 0.8)
PLANTS = [SPIKE, MONTY, FERN, ORCHID, BASIL]

MON = date(2024, 6, 3)


def make_journal():
    journal = WateringJournal()
    journal.record("Basil", date(2024, 6, 2))
    journal.record("Fern", date(2024, 5, 29))
    journal.record("Monty", date(2024, 5, 30))
    journal.record("Spike", date(2024, 5, 20))
    return journal


# --- the new module ---------------------------------------------------------

@pytest.mark.parametrize("plant, day, expected", [
    (FERN, date(2024, 1, 10), 5),
    (Plant("C", "cactus", 1), date(2024, 7, 1), 11),
    (BASIL, date(2024, 7, 1), 1),
    (Plant("M", "monstera", 1, "balcony"), date(2024, 4, 1), 7),
    (FERN, date(2024, 7, 1), 2),
    (Plant("M", "monstera", 1, "balcony"), date(2024, 8, 31), 4),
    (ORCHID, date(2024, 12, 1), 15),
    (ORCHID, date(2024, 6, 1), 8),
    (Plant("S", "snake plant", 1), date(2024, 10, 1), 12),
])
def test_watering_interval(plant, day, expected):
    assert watering_interval(plant, day) == expected


def test_water_amount():
    assert water_amount_ml(MONTY) == 500
    assert water_amount_ml(SPIKE) == 10
    assert water_amount_ml(FERN) == 240
    assert water_amount_ml(BASIL) == 150
    assert water_amount_ml(Plant("O", "orchid", 0.37)) == 40


def test_next_watering():
    journal = make_journal()
    assert next_watering(FERN, journal, MON) == date(2024, 6, 1)
    assert next_watering(MONTY, journal, MON) == date(2024, 6, 6)
    assert next_watering(ORCHID, journal, MON) == MON


def test_next_watering_uses_interval_of_last_watering():
    journal = WateringJournal()
    journal.record("Fern", date(2024, 2, 28))
    assert next_watering(FERN, journal, date(2024, 3, 10)) == date(2024, 3, 4)


def test_due_list():
    assert due_list(PLANTS, make_journal(), MON) == [
        ("Fern", 2), ("Basil", 0), ("Orchid", 0), ("Spike", 0),
    ]
    assert due_list([MONTY], make_journal(), MON) == []


def test_plan_week():
    journal = make_journal()
    plan = plan_week(PLANTS, journal, MON)
    assert list(plan) == [MON + timedelta(days=i) for i in range(7)]
    assert [plan[MON + timedelta(days=i)] for i in range(7)] == [
        ["Basil", "Fern", "Orchid", "Spike"],
        ["Basil"],
        ["Basil", "Fern"],
        ["Basil", "Monty"],
        ["Basil", "Fern"],
        ["Basil"],
        ["Basil", "Fern"],
    ]


def test_plan_week_across_season_change():
    plan = plan_week([FERN], WateringJournal(), date(2024, 5, 29))
    assert [d for d, names in plan.items() if names] == [
        date(2024, 5, 29), date(2024, 6, 1), date(2024, 6, 3)]


def test_plan_week_does_not_touch_journal():
    journal = make_journal()
    before = journal.to_lines()
    plan_week(PLANTS, journal, MON)
    assert journal.to_lines() == before
    assert journal.last_watered("Orchid") is None


def test_format_plan():
    text = format_plan(plan_week([MONTY, FERN], make_journal(), MON))
    assert text.splitlines() == [
        "Mon 03 Jun: Fern",
        "Tue 04 Jun: -",
        "Wed 05 Jun: Fern",
        "Thu 06 Jun: Monty",
        "Fri 07 Jun: Fern",
        "Sat 08 Jun: -",
        "Sun 09 Jun: Fern",
    ]
    assert format_plan({date(2024, 12, 30): [], date(2024, 12, 31): ["Basil"]}) == (
        "Mon 30 Dec: -\nTue 31 Dec: Basil")


# --- behaviour that already works and must keep working --------------------

def test_journal_keeps_latest_date_whatever_the_order():
    journal = make_journal()
    journal.record("Fern", date(2024, 5, 20))
    assert journal.last_watered("Fern") == date(2024, 5, 29)
    assert journal.history("Fern") == [date(2024, 5, 20), date(2024, 5, 29)]


def test_journal_names_with_spaces():
    journal = WateringJournal.from_lines(["2024-06-01 Snake plant", "2024-06-02 Basil"])
    assert journal.last_watered("Snake plant") == date(2024, 6, 1)
    assert journal.to_lines()[0] == "2024-06-01 Snake plant"


def test_seasons_unchanged():
    assert [season_of(date(2024, m, 15)) for m in (1, 3, 6, 9, 12)] == [
        "winter", "spring", "summer", "autumn", "winter"]
    assert season_of(date(2024, 1, 15), hemisphere="south") == "summer"


def test_species_and_units_unchanged():
    assert species_info("Snake Plant").interval_days == 12
    assert FERN.info.thirst == 0.2
    assert format_volume(500) == "500 ml"
    assert format_volume(2000) == "2 l"
    with pytest.raises(ValueError):
        Plant("X", "fern", 1, location="windowsill")
