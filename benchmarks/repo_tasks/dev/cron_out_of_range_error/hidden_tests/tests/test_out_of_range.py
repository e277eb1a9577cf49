import pytest

from cronspec.expression import parse_cron


@pytest.mark.parametrize("text, message", [
    ("61 * * * *", "minute value 61 out of range 0-59"),
    ("0 24 * * *", "hour value 24 out of range 0-23"),
    ("0 0 0 * *", "day value 0 out of range 1-31"),
    ("0 0 32 * *", "day value 32 out of range 1-31"),
    ("0 0 1 13 *", "month value 13 out of range 1-12"),
    ("0 0 * * 7", "weekday value 7 out of range 0-6"),
    ("50-65/5 * * * *", "minute value 65 out of range 0-59"),
    ("0 9,12,25 * * *", "hour value 25 out of range 0-23"),
    ("0 0 * 0-6 *", "month value 0 out of range 1-12"),
    ("90/5 * * * *", "minute value 90 out of range 0-59"),
])
def test_out_of_range_values(text, message):
    with pytest.raises(ValueError) as info:
        parse_cron(text)
    assert str(info.value) == message


@pytest.mark.parametrize("text", [
    "59 23 31 12 6", "0 0 1 1 0", "0-59 0-23 1-31 1-12 0-6", "*/7 * * * *", "@yearly",
    "0 0 * JAN-DEC SUN-SAT",
])
def test_boundaries_still_accepted(text):
    parse_cron(text)
