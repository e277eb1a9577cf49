from decimal import Decimal

import pytest

from boxoffice.errors import UnknownBooking, UnknownSection
from boxoffice.pricing import order_total


def test_book_assigns_reference_and_price(hamlet, desk):
    b = desk.book(hamlet, "Circle", 2, "ada@example.org")
    assert b.reference == "HAM-0001"
    assert b.total == Decimal("60.00")
    assert hamlet.seats_left("Circle") == 2


def test_group_discount():
    assert order_total("Balcony", 10) == Decimal("153.00")
    assert order_total("Balcony", 9) == Decimal("162.00")


def test_unknown_section(hamlet, desk):
    with pytest.raises(UnknownSection) as info:
        desk.book(hamlet, "Gallery", 1, "x@example.org")
    assert str(info.value) == "Playhouse has no section 'Gallery'"


def test_quantity_must_be_positive(hamlet, desk):
    with pytest.raises(ValueError):
        desk.book(hamlet, "Stalls", 0, "x@example.org")


def test_cancel_releases_seats(hamlet, desk):
    b = desk.book(hamlet, "Stalls", 3, "x@example.org")
    desk.cancel(b.reference)
    desk.cancel(b.reference)
    assert hamlet.seats_left("Stalls") == 10
    assert desk.bookings_for(hamlet) == []
    with pytest.raises(UnknownBooking):
        desk.cancel("HAM-9999")


def test_comp_hold_is_free(hamlet, desk):
    b = desk.hold(hamlet, "Stalls", 2, "critic")
    assert (b.customer, b.total) == ("comp:critic", Decimal("0.00"))
    assert hamlet.seats_taken("Stalls") == 2


def test_sold_out_flag(hamlet, desk):
    desk.book(hamlet, "Stalls", 10, "a@example.org")
    desk.hold(hamlet, "Circle", 4, "cast")
    assert hamlet.is_sold_out()
