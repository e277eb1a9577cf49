import pytest

from ferrydeck.booking import BookingOffice, DuplicateBookingError
from ferrydeck.deck import Deck, Lane
from ferrydeck.manifest import manifest, manifest_rows


def make_office():
    return BookingOffice({"0745": Deck([Lane(1, 40.0, 4.5), Lane(2, 40.0, 4.5)])})


def test_second_booking_with_space_in_registration_is_refused():
    office = make_office()
    office.book("0745", "KX19 ABC", "van", 5.1)
    with pytest.raises(DuplicateBookingError):
        office.book("0745", "kx19abc", "van", 5.1)
    assert len(manifest_rows(office, "0745")) == 1


def test_second_booking_without_space_then_with_space_is_refused():
    office = make_office()
    office.book("0745", "KX19ABC", "van", 5.1)
    with pytest.raises(DuplicateBookingError):
        office.book("0745", " kx19  abc ", "van", 5.1)
    assert manifest(office, "0745").splitlines()[-1].startswith("1 vehicles, 1 people")


def test_cancel_with_other_spelling():
    office = make_office()
    office.book("0745", "KX19 ABC", "van", 5.1)
    office.cancel("0745", "KX19ABC")
    assert office.bookings_for("0745") == []
    assert office.deck("0745").free_m == 80.0


def test_different_vehicles_still_bookable():
    office = make_office()
    office.book("0745", "KX19 ABC", "van", 5.1)
    office.book("0745", "KX19 ABD", "car", 4.1)
    assert len(office.bookings_for("0745")) == 2
