from datetime import date, datetime, time

import pytest

from lanebook.cards import lane_cards
from lanebook.lanes import parse_layout
from lanebook.speeds import normalise_speed, speed_for_pace
from lanebook.timetable import next_with_space, week_sessions


def test_speeds():
    assert normalise_speed(" Quick ") == "fast"
    assert speed_for_pace(100) == "fast"
    assert speed_for_pace(120) == "medium"
    assert speed_for_pace(150) == "slow"
    with pytest.raises(ValueError):
        normalise_speed("turbo")


def test_lane_cards():
    [session] = week_sessions(date(2024, 9, 2), {"Mon": [time(12, 30)]},
                              parse_layout("slow, fast", 2))
    session.book("Ana Silva", "fast")
    session.book("Ben Ho", "fast")
    assert lane_cards(session) == [
        "Lane 1 (slow) 12:30: - [0/2]",
        "Lane 2 (fast) 12:30: Ana Silva, Ben Ho [2/2]",
    ]


def test_next_session_with_space():
    lanes = parse_layout("fast", 1)
    sessions = week_sessions(date(2024, 9, 2), {"Mon": [time(7)], "Wed": [time(7), time(12)]},
                             lanes)
    assert [s.start for s in sessions][-1] == datetime(2024, 9, 4, 12, 0)
    sessions[1].book("Ana", "fast")
    found = next_with_space(sessions, datetime(2024, 9, 3), "fast")
    assert found.start == datetime(2024, 9, 4, 12, 0)
    with pytest.raises(ValueError):
        week_sessions(date(2024, 9, 3), {}, lanes)
