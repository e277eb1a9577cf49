from busline.board import departures, render_board
from busline.timetable import load_timetable

TEXT = """
route 4
07:10 07:40 08:10
route 12
07:00 07:30 08:00
"""


def test_next_departures_at_market_square(routes):
    tt = load_timetable(TEXT, routes)
    deps = departures(tt, "Market Square", "07:20", limit=3)
    assert [(d.time, d.route) for d in deps] == [("07:35", "12"), ("07:46", "4"), ("08:05", "12")]
    assert deps[0].minutes_away == 15


def test_last_stop_has_no_departures(routes):
    tt = load_timetable(TEXT, routes)
    assert departures(tt, "Hospital", "06:00") == []


def test_render_board(routes):
    tt = load_timetable(TEXT, routes)
    assert render_board(tt, "Market Square", "08:05", limit=2).splitlines() == [
        "Market Square 08:05",
        " 12  Golf Club              Due",
        "  4  Hospital             08:16",
    ]


def test_render_board_after_last_bus(routes):
    tt = load_timetable(TEXT, routes)
    assert render_board(tt, "Bus Station", "21:00").splitlines()[1] == "No more buses today"
