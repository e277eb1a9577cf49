import pytest

from racepace.pace import pace_label, pace_per_km
from racepace.predict import prediction_table
from racepace.splits import split_table
from racepace.timefmt import format_duration, parse_duration


# --- the reported problem -------------------------------------------------

def test_pace_rounds_up_to_next_minute():
    assert pace_label(pace_per_km(5, parse_duration("24:59"))) == "5:00 /km"


def test_split_table_for_24_59_5k():
    assert split_table("5K", parse_duration("24:59")).splitlines() == [
        "5K in 24:59 (5:00 /km)",
        "    1 km      5:00",
        "    2 km     10:00",
        "    3 km     14:59",
        "    4 km     19:59",
        "  Finish     24:59",
    ]


def test_marathon_prediction_carries_into_the_hour():
    table = prediction_table("5K", parse_duration("18:46"))
    assert table[-1] == "Marathon       3:00:00"


@pytest.mark.parametrize("seconds, text", [
    (59.7, "1:00"),
    (299.8, "5:00"),
    (3599.6, "1:00:00"),
    (7199.9, "2:00:00"),
    (3659.5001, "1:01:00"),
])
def test_format_carries(seconds, text):
    assert format_duration(seconds) == text


# --- behaviour that already works and must keep working --------------------

@pytest.mark.parametrize("seconds, text", [
    (0, "0:00"),
    (45, "0:45"),
    (59.2, "0:59"),
    (245.4, "4:05"),
    (3599.4, "59:59"),
    (3600, "1:00:00"),
    (3723, "1:02:03"),
    (36061.2, "10:01:01"),
])
def test_format_unchanged(seconds, text):
    assert format_duration(seconds) == text


def test_negative_still_rejected():
    with pytest.raises(ValueError):
        format_duration(-5)


def test_other_tables_unchanged():
    assert split_table("10K", 2970, every_km=5).splitlines() == [
        "10K in 49:30 (4:57 /km)", "    5 km     24:45", "  Finish     49:30",
    ]
    assert prediction_table("10K", 2970)[1:] == ["Half marathon  1:49:13", "Marathon       3:47:43"]
    assert pace_label(297, "mi") == "7:58 /mi"
