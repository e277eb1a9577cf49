import pytest

from regatta.boats import Boat, Fleet
from regatta.race import Race
from regatta.scoring import race_points
from regatta.series import Series


def make_fleet():
    return Fleet([
        Boat("2841", "J. Ahmed", "Laser"),
        Boat("1402", "P. Wood", "Wayfarer"),
        Boat("3", "K. Lee", "Topper"),
        Boat("777", "M. Roy", "RS200"),
    ])


def test_boat_handicap_lookup():
    assert Boat("1", "A", "GP14").py == 1130
    with pytest.raises(ValueError):
        Boat("1", "A", "Optimist")
    with pytest.raises(ValueError):
        Fleet([Boat("1", "A", "GP14"), Boat("1", "B", "Laser")])


def test_results_by_corrected_time():
    race = Race(1, make_fleet())
    assert race.record_finish("2841", "1:02:33") == 3412
    race.record_finish("1402", "1:01:10")
    race.record_finish("3", "1:15:00")
    assert race.results() == [("3", 3297), ("1402", 3330), ("2841", 3412)]


def test_sheet():
    race = Race(4, make_fleet())
    race.record_finish("2841", "1:02:33")
    race.record_code("777", "dnf")
    assert race.sheet() == [
        "Race 4",
        " 1. 2841   J. Ahmed     1:02:33  0:56:52",
        "    777    M. Roy       DNF",
    ]


def test_points_with_codes_and_ties():
    fleet = Fleet([Boat("a", "A", "Laser"), Boat("b", "B", "Laser"), Boat("c", "C", "Laser")])
    race = Race(1, fleet)
    race.record_finish("a", "50:00")
    race.record_finish("b", "50:00")
    race.record_code("c", "DSQ")
    assert race_points(race) == {"a": 1.5, "b": 1.5, "c": 4.0}


def test_series_with_discard():
    series = Series("Spring", make_fleet(), discards=1)
    r1 = series.new_race()
    r1.record_finish("2841", "1:00:00")
    r1.record_finish("1402", "1:05:00")
    r2 = series.new_race()
    r2.record_finish("1402", "1:00:00")
    r2.record_finish("2841", "1:05:00")
    r2.record_finish("3", "1:30:00")
    assert series.scores()["3"] == [5.0, 3.0]
    assert series.standings() == [(1, "1402", 1.0), (1, "2841", 1.0), (3, "3", 3.0), (4, "777", 5.0)]
