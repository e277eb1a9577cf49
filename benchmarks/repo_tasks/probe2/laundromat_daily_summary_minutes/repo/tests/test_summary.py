from datetime import datetime

import pytest

from washhouse.machines import Machine
from washhouse.programmes import load_programmes
from washhouse.sessions import MachineBusy, RunLog
from washhouse.summary import machine_totals, summary_lines

CARD = """
W-QUICK | washer | Quick 30  | 30m   | 3.00
W-COT40 | washer | Cotton 40 | 55m   | 4.50
W-DUVET | washer | Duvet     | 1h15m | 6.50
D-QUICK | dryer  | Quick dry | 40m   | 2.50
"""
DAY = datetime(2024, 5, 3)


def make_log():
    machines = [Machine("W1", "washer", 8), Machine("W10", "washer", 12),
                Machine("W2", "washer", 8), Machine("D1", "dryer", 10)]
    return RunLog(machines), load_programmes(CARD)


def test_run_finish_time():
    log, p = make_log()
    run = log.start("W1", p["W-DUVET"], DAY.replace(hour=9))
    assert run.ends == DAY.replace(hour=10, minute=15)


def test_busy_machine():
    log, p = make_log()
    log.start("W1", p["W-COT40"], DAY.replace(hour=9))
    with pytest.raises(MachineBusy, match="W1 is busy until 09:55"):
        log.start("W1", p["W-QUICK"], DAY.replace(hour=9, minute=30))
    log.start("W1", p["W-QUICK"], DAY.replace(hour=9, minute=55))


def test_wrong_kind_of_programme():
    log, p = make_log()
    with pytest.raises(ValueError):
        log.start("D1", p["W-QUICK"], DAY)


def test_washer_summary():
    log, p = make_log()
    log.start("W2", p["W-COT40"], DAY.replace(hour=9))
    log.start("W1", p["W-QUICK"], DAY.replace(hour=9))
    log.start("W1", p["W-DUVET"], DAY.replace(hour=10))
    log.start("W10", p["W-DUVET"], DAY.replace(hour=11))
    log.start("D1", p["D-QUICK"], DAY.replace(hour=11))
    assert summary_lines(log, DAY.date()) == [
        "W1  2 runs  1h45  £9.50",
        "W2  1 run  55m  £4.50",
        "W10  1 run  1h15  £6.50",
        "D1  1 run  40m  £2.50",
        "Total  5 runs  £23.00",
    ]


def test_other_days_left_out():
    log, p = make_log()
    log.start("W1", p["W-QUICK"], DAY.replace(day=2, hour=18))
    log.start("W1", p["W-QUICK"], DAY.replace(hour=8))
    assert machine_totals(log, DAY.date())["W1"].runs == 1
    assert summary_lines(log, DAY.replace(day=4).date()) == ["Total  0 runs  £0.00"]
