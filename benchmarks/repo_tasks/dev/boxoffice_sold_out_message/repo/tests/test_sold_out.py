import pytest

from boxoffice.errors import BoxOfficeError, SoldOut


def test_booking_more_than_left(hamlet, desk):
    desk.book(hamlet, "Circle", 1, "a@example.org")
    with pytest.raises(SoldOut) as info:
        desk.book(hamlet, "Circle", 5, "b@example.org")
    assert str(info.value) == 'only 3 seats left in Circle for "Hamlet"'
    assert hamlet.seats_left("Circle") == 3
    assert len(desk.bookings_for(hamlet)) == 1


def test_one_seat_left_is_singular(hamlet, desk):
    desk.book(hamlet, "Stalls", 9, "a@example.org")
    with pytest.raises(SoldOut) as info:
        desk.book(hamlet, "Stalls", 2, "b@example.org")
    assert str(info.value) == 'only 1 seat left in Stalls for "Hamlet"'


def test_no_seats_left(hamlet, desk):
    desk.book(hamlet, "Circle", 4, "a@example.org")
    with pytest.raises(SoldOut) as info:
        desk.book(hamlet, "Circle", 1, "b@example.org")
    assert str(info.value) == 'no seats left in Circle for "Hamlet"'


def test_comp_holds_are_limited_too(hamlet, desk):
    desk.book(hamlet, "Stalls", 8, "a@example.org")
    with pytest.raises(SoldOut) as info:
        desk.hold(hamlet, "Stalls", 3, "press")
    assert str(info.value) == 'only 2 seats left in Stalls for "Hamlet"'
    assert hamlet.seats_left("Stalls") == 2


def test_sold_out_is_a_box_office_error(hamlet, desk):
    with pytest.raises(BoxOfficeError):
        desk.book(hamlet, "Circle", 5, "a@example.org")


def test_booking_exactly_the_last_seats(hamlet, desk):
    desk.book(hamlet, "Circle", 4, "a@example.org")
    assert hamlet.seats_left("Circle") == 0
