import pytest

from audiotour.handsets import HandsetDesk, NoHandsetFree
from audiotour.timing import format_clock, format_total, parse_clock


def test_clock():
    assert parse_clock("2:35") == 155
    assert format_clock(65) == "1:05"
    for bad in ("2.35", "2:5", "2:60", ":30"):
        with pytest.raises(ValueError):
            parse_clock(bad)


def test_format_total():
    assert format_total(0) == "0 min"
    assert format_total(61) == "2 min"
    assert format_total(3900) == "1 h 05 min"


def test_lend_and_give_back():
    desk = HandsetDesk(2)
    first = desk.lend("visitor 1", "English")
    second = desk.lend("visitor 2", "de")
    assert (first.handset, second.handset, second.language) == (1, 2, "de")
    with pytest.raises(NoHandsetFree):
        desk.lend("visitor 3", "en")
    desk.give_back(1)
    assert desk.lend("visitor 3", "fr").handset == 1


def test_languages_in_use():
    desk = HandsetDesk(5)
    for language in ("en", "de", "English", "fr", "Deutsch"):
        desk.lend("v", language)
    assert desk.languages_in_use() == {"en": 2, "de": 2, "fr": 1}
    with pytest.raises(KeyError):
        desk.give_back(9)
