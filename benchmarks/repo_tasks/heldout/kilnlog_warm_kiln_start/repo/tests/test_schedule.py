import pytest

from kilnlog.cones import cone_reached, cone_temperature
from kilnlog.presets import bisque, glaze
from kilnlog.schedule import FiringSchedule, Segment


def test_duration_from_room_temperature():
    schedule = FiringSchedule("test", [Segment(100, 620), Segment(200, 1020, hold_min=30)])
    assert schedule.segment_times() == [(0.0, 6.0), (6.0, 8.5)]
    assert schedule.duration_hours() == 8.5
    assert schedule.peak_c == 1020


def test_cooling_segment_takes_time_too():
    schedule = FiringSchedule("test", [Segment(100, 1020), Segment(100, 820)])
    assert schedule.duration_hours() == 12.0


def test_invalid_segments():
    with pytest.raises(ValueError):
        Segment(0, 600)
    with pytest.raises(ValueError):
        FiringSchedule("empty", [])


def test_describe():
    assert FiringSchedule("t", [Segment(60, 120, hold_min=60)]).describe() == ["1. 60 °C/h to 120 °C, hold 60 min"]


def test_cones():
    assert cone_temperature("6") == 1222
    assert cone_temperature("6", 150) == 1243
    assert cone_reached(1230) == "6"
    assert cone_reached(500) == ""
    with pytest.raises(ValueError):
        cone_temperature("7")


def test_presets():
    assert bisque().peak_c == 1063
    assert bisque().duration_hours() == 13.75
    assert glaze("6").duration_hours() == 10.4
    assert glaze("6", slow_cool=True).segments[-1].target_c == 760
