import pytest

from busline.report import route_summary, service_summary
from busline.routes import Route
from busline.timetable import load_timetable

TEXT = """
# Weekday service
route 4
06:40 07:10 07:40
17:05

route 12
every 40 07:00-09:30   # school run
"""


def test_explicit_times(routes):
    tt = load_timetable(TEXT, routes)
    assert [t.start for t in tt.trips_for("4")] == [400, 430, 460, 1025]


def test_frequency_block_that_does_not_divide(routes):
    tt = load_timetable(TEXT, routes)
    assert [t.start for t in tt.trips_for("12")] == [420, 460, 500, 540]


def test_unknown_route(routes):
    with pytest.raises(ValueError, match="unknown route '9'"):
        load_timetable("route 9\n08:00\n", routes)


def test_times_before_route_line(routes):
    with pytest.raises(ValueError, match="line 1"):
        load_timetable("08:00\n", routes)


def test_route_validation():
    with pytest.raises(ValueError):
        Route("1", ["A", "B"], [0, -3])


def test_summary(routes):
    tt = load_timetable(TEXT, routes)
    assert route_summary(tt, "4") == {
        "route": "4", "first": "06:40", "last": "17:05", "trips": 4, "longest_gap": 565,
    }
    assert service_summary(tt).splitlines()[1] == "12: 4 trips 07:00-09:00, longest gap 40 min"
