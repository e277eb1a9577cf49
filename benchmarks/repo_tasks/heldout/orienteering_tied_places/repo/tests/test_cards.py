import pytest

from orienteering.course import Course
from orienteering.punches import format_clock, parse_card, parse_clock
from orienteering.splits import fastest_splits, split_line, split_times
from orienteering.validation import is_valid, missing_controls

ORANGE = Course("Orange", [31, 45, 38, 52], length_km=3.1, climb_m=60)


def test_clock():
    assert parse_clock("4:02") == 242
    assert parse_clock("1:02:03") == 3723
    assert format_clock(242) == "04:02"
    assert format_clock(3723) == "1:02:03"


def test_course_checks():
    with pytest.raises(ValueError):
        Course("Bad", [12])
    assert ORANGE.legs()[0] == ("S", "31")
    assert ORANGE.legs()[-1] == ("52", "F")
    assert ORANGE.technical_difficulty == "easy"


def test_extra_punches_are_fine():
    punches = parse_card("31 4:02\n33 6:00\n45 9:40\n45 9:41\n38 13:05\n52 17:48")
    assert is_valid(ORANGE, punches)


def test_missing_and_out_of_order():
    assert missing_controls(ORANGE, parse_card("31 4:02\n38 8:00\n52 12:00")) == [45, 38, 52]
    assert not is_valid(ORANGE, parse_card("31 4:02\n38 8:00\n45 10:00\n52 12:00"))


def test_splits():
    punches = parse_card("31 4:02\n45 9:40\n38 13:05\n52 17:48")
    assert split_times(ORANGE, punches, 1140) == [242, 338, 205, 283, 72]
    assert split_line(ORANGE, punches, 1140).startswith("31:04:02  45:05:38")
    other = parse_card("31 3:50\n45 10:00\n38 13:00\n52 18:00")
    assert fastest_splits(ORANGE, [(punches, 1140), (other, 1150)]) == [230, 338, 180, 283, 70]
