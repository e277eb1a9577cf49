from datetime import date
from decimal import Decimal

import pytest

from anglerpermit.anglers import Angler
from anglerpermit.catches import Catch, CatchReturns
from anglerpermit.licences import LicenceDesk

START = date(2024, 4, 1)


# --- the new check -------------------------------------------------------------

def test_junior_refused_at_17():
    desk = LicenceDesk()
    sam = Angler("Sam Reed", date(2007, 3, 15), "HR4 9AB")
    with pytest.raises(ValueError) as excinfo:
        desk.issue(sam, "junior", START)
    assert str(excinfo.value) == "junior licence is for anglers under 17; Sam Reed is 17 on 2024-04-01"
    assert desk.issued() == []


def test_junior_refused_on_17th_birthday_and_older():
    desk = LicenceDesk()
    with pytest.raises(ValueError) as excinfo:
        desk.issue(Angler("Lily Ng", date(2007, 4, 1), "GL5 1AA"), "junior", START)
    assert str(excinfo.value) == "junior licence is for anglers under 17; Lily Ng is 17 on 2024-04-01"
    with pytest.raises(ValueError) as excinfo:
        desk.issue(Angler("Jo Marsh", date(1980, 1, 5), "HR1 2AA"), "junior", START)
    assert str(excinfo.value) == "junior licence is for anglers under 17; Jo Marsh is 44 on 2024-04-01"


def test_adult_sold_after_refusal():
    desk = LicenceDesk()
    sam = Angler("Sam Reed", date(2007, 3, 15), "HR4 9AB")
    with pytest.raises(ValueError):
        desk.issue(sam, "junior", START)
    licence = desk.issue(sam, "adult", START)
    assert licence.number == "RFA-2024-0001"
    assert licence.price == Decimal("31.50")


# --- behaviour that already works and must keep working ----------------------

def test_junior_turning_17_during_the_year():
    desk = LicenceDesk()
    lily = Angler("Lily Ng", date(2007, 4, 2), "GL5 1AA")
    licence = desk.issue(lily, "junior", START)
    assert (licence.kind, licence.ends, licence.price) == ("junior", date(2025, 3, 31),
                                                          Decimal("8.00"))
    returns = CatchReturns(desk)
    returns.record(Catch(lily, "Kids' Pond", "perch", date(2024, 12, 1)))
    assert returns.totals() == {"Kids' Pond": {"perch": 1}}


def test_young_junior_and_leap_day_birthday():
    desk = LicenceDesk()
    assert desk.issue(Angler("Ola Berg", date(2015, 8, 8), "HR2 1AB"), "junior", START).kind == "junior"
    leap = Angler("Max Day", date(2008, 2, 29), "HR2 1AB")
    assert desk.issue(leap, "junior", date(2025, 2, 28)).kind == "junior"


def test_under_17_may_buy_adult_or_day_tickets():
    desk = LicenceDesk()
    kid = Angler("Ola Berg", date(2012, 8, 8), "GL5 1AA")
    assert desk.issue(kid, "adult", START).price == Decimal("42.00")
    assert desk.issue(kid, "day", START, days=5).price == Decimal("33.75")


def test_senior_check_unchanged():
    desk = LicenceDesk()
    with pytest.raises(ValueError) as excinfo:
        desk.issue(Angler("Pat Hill", date(1960, 5, 1), "HR2 7QQ"), "senior", START)
    assert str(excinfo.value) == (
        "senior licence is for anglers aged 65 or over; Pat Hill is 63 on 2024-04-01")
    old = Angler("Ray Cole", date(1959, 4, 1), "HR2 7QQ")
    assert desk.issue(old, "senior", START).price == Decimal("21.00")


def test_unknown_kind_unchanged():
    desk = LicenceDesk()
    with pytest.raises(ValueError, match="unknown licence kind 'child'"):
        desk.issue(Angler("Ola Berg", date(2015, 8, 8), "HR2 1AB"), "child", START)
