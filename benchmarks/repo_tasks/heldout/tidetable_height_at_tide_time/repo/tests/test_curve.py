from datetime import datetime

import pytest

from tidetable.curve import height_at, rate_of_change
from tidetable.windows import access_windows, total_open_minutes


def test_half_tide_is_halfway(events):
    assert height_at(events, datetime(2024, 3, 10, 7, 18, 30)) == 3.0


def test_curve_is_slow_near_high_water(events):
    assert height_at(events, datetime(2024, 3, 10, 9, 25)) == 4.84
    assert rate_of_change(events, datetime(2024, 3, 10, 7, 18, 30)) == 1.06


def test_outside_table(events):
    with pytest.raises(ValueError, match="outside the tide table"):
        height_at(events, datetime(2024, 3, 9, 23, 0))
    with pytest.raises(ValueError):
        height_at(events, datetime(2024, 3, 11, 6, 0))


def test_access_windows(events):
    windows = access_windows(events, 4.0, datetime(2024, 3, 10, 6, 0), datetime(2024, 3, 10, 14, 0))
    assert windows == [(datetime(2024, 3, 10, 8, 20), datetime(2024, 3, 10, 12, 30))]
    assert total_open_minutes(windows) == 250


def test_height_at_high_water_time(events):
    assert height_at(events, datetime(2024, 3, 10, 10, 25)) == 5.1
    assert height_at(events, datetime(2024, 3, 10, 16, 37)) == 0.8


def test_height_at_first_and_last_tide(events):
    assert height_at(events, datetime(2024, 3, 10, 4, 12)) == 0.9
    assert height_at(events, datetime(2024, 3, 11, 5, 1)) == 1.0


def test_window_starting_at_low_water(events):
    windows = access_windows(events, 4.0, datetime(2024, 3, 10, 16, 37), datetime(2024, 3, 11, 5, 1), step_minutes=60)
    assert windows == [(datetime(2024, 3, 10, 21, 37), datetime(2024, 3, 11, 0, 37))]
