from decimal import Decimal

import pytest

from washhouse.durations import format_minutes, parse_duration
from washhouse.programmes import load_programmes, parse_programme_line

CARD = """
# washers
W-QUICK | washer | Quick 30  | 30m   | 3.00
W-COT40 | washer | Cotton 40 | 55m   | 4.50
W-DUVET | washer | Duvet     | 1h15m | 6.50
# dryers
D-QUICK | dryer  | Quick dry | 40m   | 2.50
"""


def test_parse_simple_durations():
    assert parse_duration("45m") == 45
    assert parse_duration("1h") == 60
    assert parse_duration("2h 10m") == 130
    assert parse_duration("90") == 90


def test_bad_duration():
    with pytest.raises(ValueError):
        parse_duration("soon")
    with pytest.raises(ValueError):
        parse_duration("")


def test_format_minutes():
    assert format_minutes(45) == "45m"
    assert format_minutes(120) == "2h"
    assert format_minutes(150) == "2h30"


def test_load_card():
    programmes = load_programmes(CARD)
    assert list(programmes) == ["W-QUICK", "W-COT40", "W-DUVET", "D-QUICK"]
    duvet = programmes["W-DUVET"]
    assert duvet.minutes == 75 and duvet.price == Decimal("6.50")
    assert programmes["D-QUICK"].machine_kind == "dryer"


def test_bad_card_lines():
    with pytest.raises(ValueError):
        parse_programme_line("W-X | washer | Odd | 30m")
    with pytest.raises(ValueError):
        parse_programme_line("W-X | mangle | Odd | 30m | 1.00")
    with pytest.raises(ValueError):
        load_programmes(CARD + "W-QUICK | washer | Again | 30m | 3.00\n")
