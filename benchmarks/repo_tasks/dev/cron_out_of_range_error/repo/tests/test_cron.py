from datetime import datetime

import pytest

from cronspec.describe import describe
from cronspec.expression import parse_cron
from cronspec.fields import parse_field
from cronspec.schedule import next_run, upcoming


def test_parse_field_forms():
    assert sorted(parse_field("*/15", "minute", 0, 59)) == [0, 15, 30, 45]
    assert sorted(parse_field("1-5/2,20", "minute", 0, 59)) == [1, 3, 5, 20]
    assert sorted(parse_field("MON-FRI", "weekday", 0, 6)) == [1, 2, 3, 4, 5]
    assert sorted(parse_field("10/20", "minute", 0, 59)) == [10, 30, 50]


def test_parse_field_errors():
    with pytest.raises(ValueError):
        parse_field("*/0", "minute", 0, 59)
    with pytest.raises(ValueError):
        parse_field("5-1", "hour", 0, 23)
    with pytest.raises(ValueError):
        parse_field("x", "hour", 0, 23)


def test_wrong_field_count():
    with pytest.raises(ValueError, match="expected 5 fields, got 4"):
        parse_cron("* * * *")


def test_matches_and_or_rule():
    expr = parse_cron("0 12 1 * MON")
    assert expr.matches(datetime(2024, 3, 1, 12, 0))    # 1st, a Friday
    assert expr.matches(datetime(2024, 3, 4, 12, 0))    # a Monday
    assert not expr.matches(datetime(2024, 3, 5, 12, 0))


def test_next_run():
    expr = parse_cron("30 9 * * MON-FRI")
    assert next_run(expr, datetime(2024, 3, 1, 10, 0)) == datetime(2024, 3, 4, 9, 30)


def test_upcoming_macro():
    assert upcoming(parse_cron("@monthly"), datetime(2024, 11, 15), 2) == [
        datetime(2024, 12, 1), datetime(2025, 1, 1)]


def test_feb_30_never_fires():
    with pytest.raises(ValueError, match="never fires"):
        next_run(parse_cron("0 0 30 2 *"), datetime(2024, 1, 1))


def test_describe():
    assert describe(parse_cron("30 9 * * 1-5")) == "At 09:30 on Mon-Fri"
    assert describe(parse_cron("*/15 * * * *")) == "At minutes 0,15,30,45 past every hour"
    assert describe(parse_cron("0 0 1 1 *")) == "At 00:00 on day 1 of the month in month 1"
