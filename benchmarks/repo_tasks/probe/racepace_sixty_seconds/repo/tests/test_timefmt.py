import pytest

from racepace.timefmt import format_duration, parse_duration


@pytest.mark.parametrize("text, seconds", [
    ("45", 45.0), ("4:05", 245.0), ("1:02:03", 3723.0), ("24:59.5", 1499.5),
])
def test_parse(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "4:65", "1::03", "a:bc", "-5"])
def test_parse_rejects(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_format():
    assert format_duration(245) == "4:05"
    assert format_duration(3723) == "1:02:03"
    assert format_duration(59.2) == "0:59"


def test_format_negative():
    with pytest.raises(ValueError):
        format_duration(-1)
