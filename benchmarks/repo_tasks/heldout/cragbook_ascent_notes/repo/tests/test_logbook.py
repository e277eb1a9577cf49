import csv
import io
from datetime import date

import pytest

from cragbook.export import to_csv
from cragbook.logbook import Logbook
from cragbook.routes import Route
from cragbook.stats import grade_pyramid, metres_climbed, onsight_ratio

LEFT_WALL = Route("Left Wall", "Cemetery Gates", "6b+", "trad", 35)
CENOTAPH = Route("Cenotaph Corner", "Cemetery Gates", "6a", "trad", 36)
PEBBLE = Route("La Marie-Rose", "Bleau", "6a", "boulder", 3)


def make_log():
    log = Logbook()
    log.log(LEFT_WALL, date(2024, 5, 4), "attempt")
    log.log(CENOTAPH, date(2024, 4, 20), "onsight")
    log.log(LEFT_WALL, date(2024, 5, 11), "redpoint")
    log.log(PEBBLE, date(2024, 3, 2), "flash")
    return log


def test_unknown_style():
    with pytest.raises(ValueError):
        Logbook().log(CENOTAPH, date(2024, 1, 1), "dogged")


def test_hardest_and_sessions():
    log = make_log()
    assert log.hardest("trad").route is LEFT_WALL
    assert log.hardest("sport") is None
    assert len(log.sessions()) == 4


def test_stats():
    log = make_log()
    assert grade_pyramid(log, "trad") == [("6b+", 1), ("6a", 1)]
    assert metres_climbed(log) == 74.0
    assert onsight_ratio(log) == 0.67


def test_csv_rows_oldest_first():
    rows = list(csv.DictReader(io.StringIO(to_csv(make_log()))))
    assert [r["route"] for r in rows] == ["La Marie-Rose", "Cenotaph Corner", "Left Wall", "Left Wall"]
    assert rows[0]["grade"] == "6A"
    assert rows[2]["style"] == "attempt"


def test_ascent_with_note():
    log = Logbook()
    ascent = log.log(LEFT_WALL, date(2024, 5, 11), "redpoint", notes="wet holds at the top")
    assert ascent.notes == "wet holds at the top"
    assert log.log(CENOTAPH, date(2024, 5, 12)).notes == ""


def test_csv_has_notes_column_last():
    log = Logbook()
    log.log(LEFT_WALL, date(2024, 5, 11), "redpoint", notes="wet, but went")
    log.log(CENOTAPH, date(2024, 5, 12), "onsight")
    text = to_csv(log)
    header = next(csv.reader(io.StringIO(text)))
    assert header[-1] == "notes"
    assert header[:-1] == ["date", "route", "crag", "grade", "discipline", "style"]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["notes"] for r in rows] == ["wet, but went", ""]
