from orienteering.course import Course
from orienteering.punches import parse_card
from orienteering.results import Entry, placings, results_table

COURSE = Course("Yellow", [31, 33], length_km=1.8, climb_m=20)
GOOD = parse_card("31 3:00\n33 6:00")
MISPUNCH = parse_card("33 4:00")


def entry(name, finish_s, punches=GOOD, club="SROC"):
    return Entry(name, club, punches, finish_s)


def places(entries):
    return [(place, e.name) for place, e in placings(COURSE, entries)]


def test_fastest_first():
    assert places([entry("Bo", 700), entry("Al", 650), entry("Cy", 800)]) == [
        (1, "Al"), (2, "Bo"), (3, "Cy"),
    ]


def test_mispunch_and_retired_at_bottom():
    result = places([entry("Bo", 700, MISPUNCH), entry("Al", 650), entry("Di", None)])
    assert result == [(1, "Al"), (None, "Bo"), (None, "Di")]


def test_results_table():
    lines = results_table(COURSE, [entry("Al Stone", 650), entry("Bo Lind", 700, MISPUNCH, "BOK")])
    assert lines == [
        "Yellow 1.8 km 20 m",
        "  1. Al Stone           SROC      10:50",
        "     Bo Lind            BOK          mp",
    ]


def test_tie_shares_place():
    result = places([entry("Cy", 700), entry("Al", 650), entry("Bo", 700)])
    assert result == [(1, "Al"), (2, "Bo"), (2, "Cy")]


def test_place_after_a_tie_skips():
    result = places([entry("Cy", 700), entry("Al", 650), entry("Bo", 700), entry("Di", 720), entry("Ed", 900)])
    assert result == [(1, "Al"), (2, "Bo"), (2, "Cy"), (4, "Di"), (5, "Ed")]


def test_tie_for_first():
    result = places([entry("Bo", 650), entry("Al", 650), entry("Cy", 651)])
    assert result == [(1, "Al"), (1, "Bo"), (3, "Cy")]
    assert results_table(COURSE, [entry("Bo", 650), entry("Al", 650), entry("Cy", 651)])[3].startswith("  3. Cy")
