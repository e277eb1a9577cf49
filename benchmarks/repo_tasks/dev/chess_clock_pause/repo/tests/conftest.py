import pytest

from chessclock.clock import ChessClock
from chessclock.timecontrol import TimeControl


class FakeTime:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def clock(fake_time):
    return ChessClock(TimeControl(300, 2), time_source=fake_time)
