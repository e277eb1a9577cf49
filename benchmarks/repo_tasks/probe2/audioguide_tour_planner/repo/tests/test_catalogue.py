import pytest

from audiotour.exhibits import Catalogue, load_catalogue, parse_stop
from audiotour.languages import language_name, normalise_language

STOPS = """
# ground floor
101 | Gallery 1 | 0 | The Night Watch      | 2:35 | en,nl,de
102 | Gallery 1 | 0 | Portrait of a Lady   | 1:50 | en,nl
201 | Gallery 4 | 1 | The Milkmaid         | 3:05 | en,nl,de,fr
"""


def test_languages():
    assert normalise_language(" EN ") == "en"
    assert normalise_language("Deutsch") == "de"
    assert language_name("nl") == "Dutch"
    with pytest.raises(ValueError, match="no commentary language 'Klingon'"):
        normalise_language("Klingon")


def test_parse_stop():
    stop = parse_stop("101 | Gallery 1 | 0 | The Night Watch | 2:35 | en, NL ,de")
    assert (stop.number, stop.room, stop.floor, stop.seconds) == (101, "Gallery 1", 0, 155)
    assert stop.languages == {"en", "nl", "de"}
    assert stop.has_language("German") and not stop.has_language("fr")


def test_load_catalogue():
    catalogue = load_catalogue(STOPS)
    assert len(catalogue) == 3
    assert [s.number for s in catalogue.in_room("Gallery 1")] == [101, 102]
    assert catalogue.get(201).title == "The Milkmaid"
    with pytest.raises(KeyError, match="no stop 999"):
        catalogue.get(999)


def test_bad_catalogue():
    with pytest.raises(ValueError):
        parse_stop("101 | Gallery 1 | 0 | The Night Watch | 2:35")
    with pytest.raises(ValueError):
        parse_stop("10a | Gallery 1 | 0 | The Night Watch | 2:35 | en")
    with pytest.raises(ValueError):
        Catalogue([parse_stop("101 | G | 0 | A | 1:00 | en"), parse_stop("101 | G | 0 | B | 1:00 | en")])
