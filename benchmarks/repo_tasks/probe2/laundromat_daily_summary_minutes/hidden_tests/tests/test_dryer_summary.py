from datetime import datetime

import pytest

from washhouse.durations import format_minutes, parse_duration
from washhouse.machines import Machine
from washhouse.programmes import load_programmes
from washhouse.sessions import MachineBusy, RunLog
from washhouse.summary import machine_totals, summary_lines

CARD = """
W-QUICK | washer | Quick 30  | 30m   | 3.00
W-COT40 | washer | Cotton 40 | 55m   | 4.50
W-DUVET | washer | Duvet     | 1h15m | 6.50
D-QUICK | dryer  | Quick dry | 40m   | 2.50
D-EXTRA | dryer  | Extra dry | 1h05  | 4.00
"""
DAY = datetime(2024, 5, 3)


def make_log():
    machines = [Machine("W1", "washer", 8), Machine("D1", "dryer", 10),
                Machine("D2", "dryer", 10)]
    return RunLog(machines), load_programmes(CARD)


# --- the reported problem ------------------------------------------------

def test_dryer_summary_counts_all_minutes():
    log, p = make_log()
    log.start("D2", p["D-EXTRA"], DAY.replace(hour=10))
    log.start("D2", p["D-QUICK"], DAY.replace(hour=11, minute=30))
    assert summary_lines(log, DAY.date()) == [
        "D2  2 runs  1h45  £6.50",
        "Total  2 runs  £6.50",
    ]
    assert machine_totals(log, DAY.date())["D2"].minutes == 105


def test_extra_dry_finish_time_and_busy():
    log, p = make_log()
    run = log.start("D1", p["D-EXTRA"], DAY.replace(hour=10))
    assert run.ends == DAY.replace(hour=11, minute=5)
    with pytest.raises(MachineBusy, match="D1 is busy until 11:05"):
        log.start("D1", p["D-QUICK"], DAY.replace(hour=11, minute=2))


def test_card_durations_with_minutes_after_hours():
    assert parse_duration("1h05") == 65
    assert parse_duration("2h30") == 150
    for minutes in (5, 45, 60, 65, 75, 150):
        assert parse_duration(format_minutes(minutes)) == minutes


# --- behaviour that already works and must keep working --------------------

def test_other_duration_spellings():
    assert parse_duration("45m") == 45
    assert parse_duration("1h") == 60
    assert parse_duration("1h30m") == 90
    assert parse_duration(" 1H 15M ") == 75
    assert parse_duration("90") == 90


def test_bad_durations_still_rejected():
    for text in ("", "soon", "h", "1h2xm", "xh10m", "10s"):
        with pytest.raises(ValueError):
            parse_duration(text)


def test_format_minutes_unchanged():
    assert [format_minutes(m) for m in (0, 45, 60, 65, 150)] == [
        "0m", "45m", "1h", "1h05", "2h30"]


def test_washer_summary_unchanged():
    log, p = make_log()
    log.start("W1", p["W-QUICK"], DAY.replace(hour=9))
    log.start("W1", p["W-DUVET"], DAY.replace(hour=10))
    log.start("D1", p["D-QUICK"], DAY.replace(hour=11))
    assert summary_lines(log, DAY.date()) == [
        "W1  2 runs  1h45  £9.50",
        "D1  1 run  40m  £2.50",
        "Total  3 runs  £12.00",
    ]


def test_card_loading_unchanged():
    programmes = load_programmes(CARD)
    assert list(programmes) == ["W-QUICK", "W-COT40", "W-DUVET", "D-QUICK", "D-EXTRA"]
    assert [programmes[c].minutes for c in ("W-QUICK", "W-COT40", "W-DUVET", "D-QUICK")] == [
        30, 55, 75, 40]
    with pytest.raises(ValueError):
        load_programmes("D-X | dryer | Odd | later | 1.00")
