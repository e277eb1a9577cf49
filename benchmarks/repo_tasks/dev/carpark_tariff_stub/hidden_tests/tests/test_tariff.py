from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from carpark.tariff import Tariff, billable_minutes, format_fee
from carpark.tickets import Ticket

T0 = datetime(2024, 6, 1, 8, 0)


def after(**delta):
    return T0 + timedelta(**delta)


@pytest.fixture
def tariff():
    return Tariff(Decimal("2.50"), Decimal("20.00"))


def test_billable_minutes_rounds_up():
    assert billable_minutes(T0, after(minutes=10, seconds=1)) == 11
    assert billable_minutes(T0, after(minutes=10)) == 10
    assert billable_minutes(T0, after(microseconds=1)) == 1
    assert billable_minutes(T0, T0) == 0
    assert billable_minutes(T0, after(days=2, minutes=3)) == 2883


def test_billable_minutes_exit_before_entry():
    with pytest.raises(ValueError) as info:
        billable_minutes(T0, after(minutes=-1))
    assert str(info.value) == "exit time is before entry time"


def test_settings_stored_as_decimal():
    t = Tariff(3, "24.00", grace_minutes=10)
    assert t.hourly_rate == Decimal("3") and isinstance(t.hourly_rate, Decimal)
    assert t.daily_cap == Decimal("24.00") and isinstance(t.daily_cap, Decimal)
    assert t.lost_ticket_fee == Decimal("50.00")
    assert t.grace_minutes == 10


@pytest.mark.parametrize("args, message", [
    ((0, 10), "hourly rate must be positive"),
    ((Decimal("-1"), 10), "hourly rate must be positive"),
    ((Decimal("5"), Decimal("4.99")), "daily cap must be at least the hourly rate"),
])
def test_bad_settings(args, message):
    with pytest.raises(ValueError) as info:
        Tariff(*args)
    assert str(info.value) == message


def test_negative_grace():
    with pytest.raises(ValueError) as info:
        Tariff(2, 20, grace_minutes=-5)
    assert str(info.value) == "grace period cannot be negative"


@pytest.mark.parametrize("delta, expected", [
    (dict(minutes=0), "0.00"),
    (dict(minutes=15), "0.00"),
    (dict(minutes=14, seconds=30), "0.00"),
    (dict(minutes=15, seconds=1), "2.50"),
    (dict(minutes=16), "2.50"),
    (dict(minutes=60), "2.50"),
    (dict(hours=1, minutes=1), "5.00"),
    (dict(hours=7, minutes=59), "20.00"),
    (dict(hours=9), "20.00"),
    (dict(hours=24), "20.00"),
    (dict(hours=25), "22.50"),
    (dict(hours=49, minutes=30), "45.00"),
    (dict(days=3, minutes=10), "62.50"),
])
def test_fee_table(tariff, delta, expected):
    fee = tariff.fee(T0, after(**delta))
    assert fee == Decimal(expected)
    assert fee.as_tuple().exponent == -2


def test_grace_period_is_configurable():
    t = Tariff(Decimal("4.00"), Decimal("30.00"), grace_minutes=0)
    assert t.fee(T0, after(minutes=1)) == Decimal("4.00")
    assert t.fee(T0, T0) == Decimal("0.00")


def test_fee_rejects_exit_before_entry(tariff):
    with pytest.raises(ValueError):
        tariff.fee(T0, after(hours=-2))


def test_fee_for_closed_ticket(tariff):
    ticket = Ticket(1, "AB12CDE", T0, exited=after(hours=2, minutes=5))
    assert tariff.fee_for_ticket(ticket, after(days=5)) == Decimal("7.50")


def test_fee_for_open_ticket_uses_now(tariff):
    ticket = Ticket(2, "AB12CDE", T0)
    assert tariff.fee_for_ticket(ticket, after(minutes=10)) == Decimal("0.00")
    assert tariff.fee_for_ticket(ticket, after(minutes=50)) == Decimal("2.50")


def test_lost_ticket_flat_fee():
    t = Tariff(Decimal("2.50"), Decimal("20.00"), lost_ticket_fee=Decimal("35.00"))
    ticket = Ticket(3, "AB12CDE", T0, lost=True)
    assert t.fee_for_ticket(ticket, after(minutes=5)) == Decimal("35.00")
    assert t.fee_for_ticket(ticket, after(days=4)) == Decimal("35.00")


@pytest.mark.parametrize("amount, text", [
    (Decimal("0.00"), "FREE"),
    (Decimal("0"), "FREE"),
    (Decimal("2.5"), "$2.50"),
    (Decimal("45.00"), "$45.00"),
    (Decimal("1250"), "$1,250.00"),
])
def test_format_fee(amount, text):
    assert format_fee(amount) == text
