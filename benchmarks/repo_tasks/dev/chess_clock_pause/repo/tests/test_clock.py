import pytest

from chessclock.display import format_time, render
from chessclock.timecontrol import PRESETS, TimeControl, parse_control


def test_parse_control():
    assert parse_control("5+3") == TimeControl(300, 3)
    assert parse_control("10") == TimeControl(600, 0)
    assert str(PRESETS["blitz"]) == "5+3"
    with pytest.raises(ValueError):
        parse_control("five")


def test_time_runs_only_for_player_to_move(clock, fake_time):
    clock.start()
    fake_time.advance(10)
    assert clock.remaining("white") == 290
    assert clock.remaining("black") == 300


def test_press_adds_increment_and_switches(clock, fake_time):
    clock.start()
    fake_time.advance(10)
    move = clock.press()
    assert (move.number, move.player, move.seconds) == (1, "white", 10)
    assert clock.turn == "black"
    assert clock.remaining("white") == 292
    fake_time.advance(4)
    assert clock.remaining("black") == 296


def test_flag(clock, fake_time):
    clock.start()
    fake_time.advance(301)
    assert clock.flagged() == "white"
    assert clock.remaining("white") == 0
    with pytest.raises(RuntimeError):
        clock.press()


def test_press_before_start(clock):
    with pytest.raises(RuntimeError):
        clock.press()


def test_display(clock, fake_time):
    assert format_time(245) == "4:05"
    assert format_time(9.41) == "0:09.5"
    assert format_time(3725) == "1:02:05"
    clock.start()
    fake_time.advance(0.5)
    assert render(clock) == "White 5:00 * | Black 5:00"


def test_move_log_totals(clock, fake_time):
    clock.start()
    for seconds in (5, 7, 3, 9):
        fake_time.advance(seconds)
        clock.press()
    assert clock.log.total("white") == 8
    assert clock.log.longest("black").seconds == 9
    assert [m.number for m in clock.log.moves] == [1, 1, 2, 2]
