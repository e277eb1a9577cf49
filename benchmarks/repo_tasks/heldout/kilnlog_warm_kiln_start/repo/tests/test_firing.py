from datetime import datetime

import pytest

from kilnlog.firing import Firing, Kiln
from kilnlog.presets import glaze
from kilnlog.report import firing_summary

KILN = Kiln("Big Skutt", max_temp_c=1290)


def test_expected_end_and_running():
    firing = Firing(KILN, glaze("6"), datetime(2024, 3, 1, 8, 0))
    assert firing.expected_end() == datetime(2024, 3, 1, 18, 24)
    assert firing.is_running(datetime(2024, 3, 1, 12, 0))
    assert not firing.is_running(datetime(2024, 3, 1, 19, 0))
    assert firing.cone() == "6"


def test_kiln_limit():
    with pytest.raises(ValueError, match="above Test kiln's limit"):
        Firing(Kiln("Test kiln", 1100), glaze("6"), datetime(2024, 3, 1, 8, 0))


def test_summary():
    firing = Firing(KILN, glaze("6"), datetime(2024, 3, 1, 8, 0), ware=["mugs", "bowls"])
    assert firing_summary(firing).splitlines() == [
        "Big Skutt: glaze cone 6",
        "Started Fri 01 Mar 08:00",
        "Expected end Fri 01 Mar 18:24 (10.4 h)",
        "Peak 1222 °C (cone 6)",
        "  1. 150 °C/h to 1000 °C",
        "  2. 60 °C/h to 1222 °C, hold 10 min",
        "Ware: mugs, bowls",
    ]


def test_whiteboard():
    from kilnlog.presets import bisque
    from kilnlog.report import whiteboard

    firings = [
        Firing(KILN, bisque(), datetime(2024, 3, 1, 7, 0)),
        Firing(Kiln("Little Paragon", 1290), glaze("6"), datetime(2024, 3, 1, 9, 0)),
        Firing(Kiln("Test kiln", 1290), glaze("6"), datetime(2024, 3, 2, 9, 0)),
    ]
    assert whiteboard(firings, datetime(2024, 3, 1, 12, 0)).splitlines() == [
        "Little Paragon: glaze cone 6, done 19:24",
        "Big Skutt: bisque cone 04, done 20:45",
    ]
    assert whiteboard(firings, datetime(2024, 3, 5, 12, 0)) == "No kilns firing"
