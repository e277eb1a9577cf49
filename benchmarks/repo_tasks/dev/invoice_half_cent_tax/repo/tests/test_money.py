from decimal import Decimal

import pytest

from billing.money import format_money, parse_money, sum_money, to_money


def test_format_money_thousands():
    assert format_money(Decimal("1234.5")) == "$1,234.50"


def test_format_money_negative():
    assert format_money(Decimal("-3")) == "-$3.00"


def test_parse_money_round_trip():
    assert parse_money("$1,234.50") == Decimal("1234.50")
    assert parse_money("-12") == Decimal("-12.00")


def test_parse_money_rejects_garbage():
    with pytest.raises(ValueError):
        parse_money("$")


def test_to_money_from_float():
    assert to_money(0.1) == Decimal("0.10")


def test_sum_money_empty():
    assert sum_money([]) == Decimal("0.00")
