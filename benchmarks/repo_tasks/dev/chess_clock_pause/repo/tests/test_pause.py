import pytest

from chessclock.display import render


def test_pause_stops_time(clock, fake_time):
    clock.start()
    fake_time.advance(10)
    clock.pause()
    assert clock.is_paused
    fake_time.advance(60)
    assert clock.remaining("white") == 290
    assert clock.remaining("black") == 300


def test_resume_continues_same_player(clock, fake_time):
    clock.start()
    fake_time.advance(10)
    clock.press()            # white -> black
    fake_time.advance(5)
    clock.pause()
    fake_time.advance(100)
    clock.resume()
    assert not clock.is_paused
    assert clock.turn == "black"
    fake_time.advance(5)
    assert clock.remaining("black") == 290
    assert clock.remaining("white") == 292


def test_press_while_paused_is_ignored(clock, fake_time):
    clock.start()
    fake_time.advance(10)
    clock.pause()
    assert clock.press() is None
    assert clock.turn == "white"
    assert clock.log.moves == []
    assert clock.remaining("white") == 290


def test_paused_time_not_logged(clock, fake_time):
    clock.start()
    fake_time.advance(10)
    clock.pause()
    fake_time.advance(50)
    clock.resume()
    fake_time.advance(4)
    move = clock.press()
    assert move.seconds == 14
    assert clock.remaining("white") == 300 - 14 + 2


def test_paused_clock_shows_no_running_side(clock, fake_time):
    clock.start()
    clock.pause()
    assert render(clock) == "White 5:00 | Black 5:00"
    clock.resume()
    assert render(clock) == "White 5:00 * | Black 5:00"


def test_pause_errors(clock, fake_time):
    with pytest.raises(RuntimeError):
        clock.pause()        # not running yet
    clock.start()
    with pytest.raises(RuntimeError):
        clock.resume()       # not paused
    clock.pause()
    with pytest.raises(RuntimeError):
        clock.pause()        # already paused
    assert not clock.is_running
