import pytest

from racepace.distances import distance_name, parse_distance
from racepace.pace import finish_time, pace_label, pace_per_km, speed_kmh
from racepace.predict import predict, prediction_table
from racepace.splits import even_splits, split_table


def test_distances():
    assert parse_distance("Marathon") == 42.195
    assert parse_distance("10 mi") == pytest.approx(16.09344)
    assert parse_distance("800m") == 0.8
    assert distance_name(15.0) == "15 km"
    with pytest.raises(ValueError):
        parse_distance("far")


def test_pace():
    assert pace_per_km(10, 2970) == 297
    assert pace_label(297) == "4:57 /km"
    assert pace_label(297, "mi") == "7:58 /mi"
    assert finish_time(21.0975, 300) == pytest.approx(6329.25)
    assert speed_kmh(297) == 12.1


def test_even_splits():
    splits = even_splits(2.5, 750)
    assert splits == [(1.0, 300.0), (2.0, 600.0), (2.5, 750.0)]


def test_split_table():
    lines = split_table("10K", 2970, every_km=3).splitlines()
    assert lines == [
        "10K in 49:30 (4:57 /km)",
        "    3 km     14:51",
        "    6 km     29:42",
        "    9 km     44:33",
        "  Finish     49:30",
    ]


def test_predictions():
    assert predict(10, 2970, 10) == 2970
    assert prediction_table("10K", 2970) == [
        "5K               23:45",
        "Half marathon  1:49:13",
        "Marathon       3:47:43",
    ]
