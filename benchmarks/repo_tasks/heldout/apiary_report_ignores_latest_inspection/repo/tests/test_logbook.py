from datetime import date

import pytest

from apiary.hive import Inspection
from apiary.logbook import Logbook


def make_log():
    log = Logbook()
    log.record(Inspection("H1", date(2024, 5, 2), 4, 1))
    log.record(Inspection("H2", date(2024, 5, 2), 5, 2))
    log.record(Inspection("H1", date(2024, 5, 16), 6, 2))
    return log


def test_for_hive_oldest_first():
    log = make_log()
    assert [e.inspected_on for e in log.for_hive("H1")] == [date(2024, 5, 2), date(2024, 5, 16)]


def test_latest_for_unknown_hive_is_none():
    assert make_log().latest_for("H9") is None


def test_between_is_inclusive():
    log = make_log()
    found = log.between(date(2024, 5, 2), date(2024, 5, 2))
    assert [e.hive_id for e in found] == ["H1", "H2"]


def test_between_rejects_reversed_range():
    with pytest.raises(ValueError):
        make_log().between(date(2024, 6, 1), date(2024, 5, 1))


def test_hives_seen_and_len():
    log = make_log()
    assert log.hives_seen() == {"H1", "H2"}
    assert len(log) == 3
