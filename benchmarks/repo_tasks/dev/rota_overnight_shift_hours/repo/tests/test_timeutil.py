import pytest

from rota.timeutil import format_hhmm, minutes_between, parse_hhmm, to_hours


def test_parse_and_format():
    assert parse_hhmm("07:30") == 450
    assert format_hhmm(450) == "07:30"


@pytest.mark.parametrize("bad", ["7", "24:00", "12:60", "ab:cd"])
def test_parse_rejects(bad):
    with pytest.raises(ValueError):
        parse_hhmm(bad)


def test_minutes_between_same_day():
    assert minutes_between("09:00", "17:30") == 510


def test_to_hours():
    assert to_hours(510) == 8.5
