import pytest

from busline.clock import format_hhmm, minutes_until, parse_hhmm


def test_parse_and_format():
    assert parse_hhmm("07:05") == 425
    assert parse_hhmm("7:05") == 425
    assert format_hhmm(425) == "07:05"
    assert format_hhmm(parse_hhmm("24:10")) == "24:10"


@pytest.mark.parametrize("text", ["7.05", "07:5", "07:60", "ab:cd", ""])
def test_bad_times(text):
    with pytest.raises(ValueError):
        parse_hhmm(text)


def test_minutes_until():
    assert minutes_until(600, 615) == 15
    assert minutes_until(615, 600) == 0
