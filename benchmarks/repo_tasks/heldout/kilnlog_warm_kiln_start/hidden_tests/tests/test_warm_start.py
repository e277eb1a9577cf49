from datetime import datetime

from kilnlog.firing import Firing, Kiln
from kilnlog.presets import glaze
from kilnlog.report import firing_summary
from kilnlog.schedule import FiringSchedule, Segment

KILN = Kiln("Test kiln", max_temp_c=1300)
START = datetime(2024, 3, 1, 8, 0)


def refire():
    return FiringSchedule("refire", [Segment(100, 620), Segment(200, 1020, hold_min=30)])


def test_default_start_is_room_temperature():
    firing = Firing(KILN, refire(), START)
    assert firing.expected_end() == datetime(2024, 3, 1, 16, 30)


def test_warm_kiln_finishes_earlier():
    firing = Firing(KILN, refire(), START, start_temp_c=220)
    assert firing.expected_end() == datetime(2024, 3, 1, 14, 30)
    assert firing.is_running(datetime(2024, 3, 1, 14, 0))
    assert not firing.is_running(datetime(2024, 3, 1, 15, 0))


def test_explicit_room_temperature_matches_default():
    firing = Firing(KILN, refire(), START, start_temp_c=20)
    assert firing.expected_end() == datetime(2024, 3, 1, 16, 30)


def test_summary_uses_start_temperature():
    firing = Firing(KILN, refire(), START, start_temp_c=220)
    lines = firing_summary(firing).splitlines()
    assert "Expected end Fri 01 Mar 14:30 (6.5 h)" in lines


def test_schedule_itself_is_unchanged():
    schedule = glaze("6")
    Firing(Kiln("Big Skutt", 1290), schedule, START, start_temp_c=300)
    assert schedule.duration_hours() == 10.4
