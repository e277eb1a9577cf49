import pytest

from regatta.boats import Boat, Fleet
from regatta.race import Race
from regatta.scoring import race_points


def make_race():
    return Race(2, Fleet([
        Boat("2841", "J. Ahmed", "Laser"),
        Boat("1402", "P. Wood", "Wayfarer"),
        Boat("3", "K. Lee", "Topper"),
    ]))


def test_code_for_a_finisher_is_refused():
    race = make_race()
    race.record_finish("2841", "1:02:33")
    with pytest.raises(ValueError) as excinfo:
        race.record_code("2841", "DNF")
    assert str(excinfo.value) == "2841 already has a finish time (1:02:33)"
    assert race.results() == [("2841", 3412)]
    assert race.codes() == {}


def test_finish_time_shown_as_h_mm_ss():
    race = make_race()
    race.record_finish("1402", "48:05")
    with pytest.raises(ValueError) as excinfo:
        race.record_code("1402", "dsq")
    assert str(excinfo.value) == "1402 already has a finish time (0:48:05)"


def test_finish_for_a_scored_boat_is_refused():
    race = make_race()
    race.record_code("3", "dnf")
    with pytest.raises(ValueError) as excinfo:
        race.record_finish("3", "1:15:00")
    assert str(excinfo.value) == "3 is already scored DNF"
    assert race.results() == []
    assert race.codes() == {"3": "DNF"}
    assert race_points(race)["3"] == 4.0


def test_corrections_of_the_same_kind_are_allowed():
    race = make_race()
    race.record_finish("2841", "1:02:53")
    race.record_finish("2841", "1:02:33")
    race.record_code("3", "DNS")
    race.record_code("3", "RET")
    assert race.results() == [("2841", 3412)]
    assert race.codes() == {"3": "RET"}
