import pytest

from audiotour.exhibits import Stop, load_catalogue
from audiotour.handsets import HandsetDesk
from audiotour.languages import normalise_language
from audiotour.timing import format_total
from audiotour.tours import Tour, build_tour, fit_to_time, room_tour, route_order

STOPS = """
101 | Gallery 1  | 0 | The Night Watch       | 2:35 | en,nl,de
102 | Gallery 1  | 0 | Portrait of a Lady    | 1:50 | en,nl
103 | Gallery 2  | 0 | The Jewish Bride      | 3:10 | en,nl,de,fr
201 | Gallery 4  | 1 | The Milkmaid          | 3:05 | en,nl,de,fr
202 | Gallery 4  | 1 | View of Delft         | 4:20 | en,de
210 | Gallery 4  | 1 | The Little Street     | 1:15 | en,nl,de
301 | Print Room | 2 | Hundred Guilder Print | 2:00 | en
"""


def numbers(tour):
    return [s.number for s in tour.stops]


@pytest.fixture
def catalogue():
    return load_catalogue(STOPS)


# --- the tours module ---------------------------------------------------------

def test_tour_basics(catalogue):
    tour = Tour("Deutsch", [catalogue.get(201), catalogue.get(101), catalogue.get(210)])
    assert tour.language == "de"
    assert numbers(tour) == [201, 101, 210]
    assert tour.total_seconds() == 185 + 155 + 75
    assert tour.rooms() == ["Gallery 4", "Gallery 1"]
    with pytest.raises(ValueError):
        Tour("Klingon", [])


def test_running_order_and_summary(catalogue):
    tour = Tour("en", [catalogue.get(101), catalogue.get(202)])
    assert tour.running_order() == [
        "1. 101 The Night Watch (Gallery 1, 2:35)",
        "2. 202 View of Delft (Gallery 4, 4:20)",
    ]
    assert tour.summary() == "2 stops, 7 min, English"
    assert Tour("NL", [catalogue.get(102)]).summary() == "1 stop, 2 min, Dutch"
    assert Tour("English", []).summary() == "0 stops, 0 min, English"


def test_route_order(catalogue):
    given = [catalogue.get(n) for n in (301, 210, 103, 201, 101)]
    assert [s.number for s in route_order(given)] == [101, 103, 201, 210, 301]
    assert [s.number for s in given] == [301, 210, 103, 201, 101]


def test_build_tour(catalogue):
    tour = build_tour(catalogue, [202, 101, 201, 101], "German")
    assert tour.language == "de"
    assert numbers(tour) == [101, 201, 202]
    assert tour.summary() == "3 stops, 10 min, German"
    assert tour.rooms() == ["Gallery 1", "Gallery 4"]


def test_build_tour_errors(catalogue):
    with pytest.raises(KeyError, match="no stop 999"):
        build_tour(catalogue, [101, 999], "en")
    with pytest.raises(ValueError) as excinfo:
        build_tour(catalogue, [201, 301, 102], "de")
    assert str(excinfo.value) == "stop 301 has no German commentary"


def test_room_tour(catalogue):
    assert numbers(room_tour(catalogue, "Gallery 4", "nl")) == [201, 210]
    assert numbers(room_tour(catalogue, "Gallery 4", "en")) == [201, 202, 210]
    assert numbers(room_tour(catalogue, "Print Room", "fr")) == []
    with pytest.raises(ValueError) as excinfo:
        room_tour(catalogue, "Gallery 9", "en")
    assert str(excinfo.value) == "no stops in 'Gallery 9'"


def test_fit_to_time_skips_what_does_not_fit(catalogue):
    tour = build_tour(catalogue, [101, 102, 103, 201, 202, 210], "en")
    short = fit_to_time(tour, 10)
    assert numbers(short) == [101, 102, 103, 210]
    assert short.total_seconds() == 530 and short.language == "en"
    assert numbers(tour) == [101, 102, 103, 201, 202, 210]
    assert numbers(fit_to_time(tour, 60)) == numbers(tour)
    assert numbers(fit_to_time(tour, 1)) == []


def test_fit_to_time_exact_and_invalid():
    one_minute = [Stop(n, "Hall", 0, f"Item {n}", 60, frozenset({"en"})) for n in (1, 2, 3)]
    assert [s.number for s in fit_to_time(Tour("en", one_minute), 2).stops] == [1, 2]
    with pytest.raises(ValueError):
        fit_to_time(Tour("en", one_minute), 0)


# --- behaviour that already works and must keep working ----------------------

def test_catalogue_unchanged(catalogue):
    assert len(catalogue) == 7
    assert [s.number for s in catalogue.in_room("Gallery 4")] == [201, 202, 210]
    assert catalogue.get(202).languages == {"en", "de"}
    with pytest.raises(KeyError, match="no stop 404"):
        catalogue.get(404)


def test_language_names_unchanged():
    assert normalise_language("Français") == "fr"
    assert normalise_language(" ja ") == "ja"
    with pytest.raises(ValueError):
        normalise_language("Latin")


def test_format_total_unchanged():
    assert [format_total(s) for s in (0, 59, 600, 3599, 3600, 3661)] == [
        "0 min", "1 min", "10 min", "1 h 00 min", "1 h 00 min", "1 h 02 min"]


def test_handset_desk_unchanged():
    desk = HandsetDesk(3)
    loans = [desk.lend(f"v{i}", lang) for i, lang in enumerate(("nl", "Dutch", "en"))]
    assert [l.handset for l in loans] == [1, 2, 3]
    assert desk.languages_in_use() == {"nl": 2, "en": 1}
    assert desk.give_back(2).visitor == "v1"
    assert [l.handset for l in desk.out()] == [1, 3]
