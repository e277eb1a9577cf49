from datetime import date
from decimal import Decimal

import pytest

from anglerpermit.anglers import Angler, age_on
from anglerpermit.licences import LicenceDesk, year_end
from anglerpermit.pricing import day_tickets_price, licence_price


def test_age_on():
    assert age_on(date(2007, 3, 15), date(2024, 3, 14)) == 16
    assert age_on(date(2007, 3, 15), date(2024, 3, 15)) == 17
    assert age_on(date(2008, 2, 29), date(2025, 2, 28)) == 16
    assert age_on(date(2008, 2, 29), date(2025, 3, 1)) == 17


def test_prices():
    assert licence_price("adult", local=False) == Decimal("42.00")
    assert licence_price("adult", local=True) == Decimal("31.50")
    assert licence_price("junior", local=True) == Decimal("8.00")
    assert day_tickets_price(6) == Decimal("37.50")


def test_adult_licence():
    desk = LicenceDesk()
    licence = desk.issue(Angler("Jo Marsh", date(1980, 1, 5), "HR1 2AA"), "adult",
                         date(2024, 4, 1))
    assert licence.number == "RFA-2024-0001"
    assert licence.ends == date(2025, 3, 31)
    assert licence.price == Decimal("31.50")


def test_junior_licence():
    desk = LicenceDesk()
    licence = desk.issue(Angler("Sam Reed", date(2010, 6, 2), "GL5 1AA"), "junior",
                         date(2024, 4, 1))
    assert (licence.kind, licence.price) == ("junior", Decimal("8.00"))


def test_senior_age_checked():
    desk = LicenceDesk()
    with pytest.raises(ValueError, match="senior licence is for anglers aged 65 or over"):
        desk.issue(Angler("Pat Hill", date(1960, 5, 1), "HR2 7QQ"), "senior", date(2024, 4, 1))


def test_day_tickets_and_current():
    desk = LicenceDesk()
    jo = Angler("Jo Marsh", date(1980, 1, 5), "HR1 2AA")
    ticket = desk.issue(jo, "day", date(2024, 7, 6), days=2)
    assert ticket.ends == date(2024, 7, 7)
    assert desk.current(jo, date(2024, 7, 7)) is ticket
    assert desk.current(jo, date(2024, 7, 8)) is None
    assert year_end(date(2024, 2, 29)) == date(2025, 2, 28)
