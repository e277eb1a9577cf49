import pytest

from busline.board import departures, render_board
from busline.clock import departures_every, parse_hhmm
from busline.report import route_summary
from busline.timetable import load_timetable

TEXT = """
route 4
07:10 07:40
every 15 09:00-12:00
13:10
route 12
every 20 07:00-08:50
10:30
"""


# --- the reported problem -------------------------------------------------

def test_board_shows_last_bus_of_block(routes):
    tt = load_timetable(TEXT, routes)
    deps = departures(tt, "Market Square", "11:55", limit=3)
    assert [(d.time, d.route) for d in deps] == [("12:06", "4"), ("13:16", "4")]


def test_block_keeps_its_last_departure(routes):
    tt = load_timetable(TEXT, routes)
    starts = [t.start for t in tt.trips_for("4")]
    assert starts[-2:] == [parse_hhmm("12:00"), parse_hhmm("13:10")]
    assert len(starts) == 2 + 13 + 1


def test_summary_counts_last_bus(routes):
    tt = load_timetable(TEXT, routes)
    assert route_summary(tt, "4")["trips"] == 16


def test_departures_every_includes_end():
    assert departures_every(540, 720, 15)[-1] == 720
    assert departures_every(540, 600, 30) == [540, 570, 600]


def test_block_with_single_bus(routes):
    tt = load_timetable("route 4\nevery 30 07:00-07:00\n", routes)
    assert [t.start for t in tt.trips_for("4")] == [420]


# --- behaviour that already works and must keep working --------------------

def test_block_that_does_not_divide_does_not_overshoot(routes):
    tt = load_timetable(TEXT, routes)
    starts = [t.start for t in tt.trips_for("12")]
    assert starts == [420, 440, 460, 480, 500, 520, 630]
    assert departures_every(420, 530, 20)[-1] == 520
    assert departures_every(420, 449, 10) == [420, 430, 440]


def test_explicit_times_unchanged(routes):
    tt = load_timetable(TEXT, routes)
    deps = departures(tt, "Market Square", "07:00", limit=4)
    assert [(d.time, d.route) for d in deps] == [
        ("07:05", "12"), ("07:16", "4"), ("07:25", "12"), ("07:45", "12"),
    ]


def test_bad_blocks_still_rejected():
    with pytest.raises(ValueError):
        departures_every(600, 540, 15)
    with pytest.raises(ValueError):
        departures_every(540, 600, 0)


def test_board_after_last_bus_of_the_day(routes):
    tt = load_timetable(TEXT, routes)
    assert render_board(tt, "Riverside", "10:40").splitlines() == [
        "Riverside 10:40", " 12  Golf Club              Due",
    ]
    assert render_board(tt, "Riverside", "10:42").splitlines()[1] == "No more buses today"
