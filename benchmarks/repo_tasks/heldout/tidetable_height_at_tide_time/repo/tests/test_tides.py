from datetime import date, datetime

import pytest

from tidetable.report import day_summary
from tidetable.stations import get_station, water_over_sill
from tidetable.tides import parse_line, parse_table, tidal_range


def test_parse_line():
    event = parse_line("2024-03-10 10:25 hw 5.1")
    assert event.kind == "HW"
    assert event.when == datetime(2024, 3, 10, 10, 25)
    assert event.height_m == 5.1


def test_table_sorted_and_alternating(events):
    assert [e.kind for e in events] == ["LW", "HW", "LW", "HW", "LW"]
    with pytest.raises(ValueError):
        parse_table("2024-03-10 04:12 LW 0.9\n2024-03-10 10:25 LW 1.1\n")


def test_range(events):
    assert tidal_range(events) == 4.3


def test_day_summary(events):
    assert day_summary(events, date(2024, 3, 10)) == (
        "Sun 10 Mar: LW 04:12 0.9 m, HW 10:25 5.1 m, LW 16:37 0.8 m, HW 22:50 5.0 m (neaps)"
    )
    assert day_summary(events, date(2024, 3, 12)) == "Tue 12 Mar: no tides listed"


def test_stations():
    porthleven = get_station("plh")
    assert water_over_sill(porthleven, 3.4) == 1.3
    with pytest.raises(KeyError):
        get_station("XYZ")
