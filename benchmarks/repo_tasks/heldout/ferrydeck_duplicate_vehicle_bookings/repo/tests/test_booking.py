import pytest

from ferrydeck.booking import BookingOffice, DuplicateBookingError, UnknownSailingError
from ferrydeck.deck import Deck, Lane
from ferrydeck.manifest import manifest, manifest_rows


def make_office():
    return BookingOffice({
        "0745": Deck([Lane(1, 20.0, 2.2), Lane(2, 20.0, 4.5)]),
        "1130": Deck([Lane(1, 20.0, 4.5)]),
    })


def test_booking_places_and_prices():
    office = make_office()
    booking = office.book("0745", "gf70xyz", "car", 4.3, passengers=2)
    assert booking.lane == 1
    assert booking.fare == 48.50
    assert booking.vehicle.registration == "GF70XYZ"


def test_same_registration_twice_refused():
    office = make_office()
    office.book("0745", "GF70XYZ", "car", 4.3)
    with pytest.raises(DuplicateBookingError):
        office.book("0745", "gf70xyz", "car", 4.3)


def test_same_vehicle_on_different_sailings_is_fine():
    office = make_office()
    office.book("0745", "GF70XYZ", "car", 4.3)
    office.book("1130", "GF70XYZ", "car", 4.3)
    assert len(office.bookings_for("1130")) == 1


def test_cancel_frees_deck_space():
    office = make_office()
    office.book("0745", "GF70XYZ", "car", 4.3)
    office.cancel("0745", "GF70XYZ")
    assert office.bookings_for("0745") == []
    assert office.deck("0745").free_m == 40.0


def test_unknown_sailing():
    with pytest.raises(UnknownSailingError):
        make_office().book("2359", "GF70XYZ", "car", 4.3)


def test_manifest():
    office = make_office()
    office.book("0745", "VN19AAA", "van", 5.2, passengers=1)
    office.book("0745", "GF70XYZ", "car", 4.3, passengers=3)
    assert manifest_rows(office, "0745") == [(1, "GF70XYZ", "car", 3), (2, "VN19AAA", "van", 1)]
    text = manifest(office, "0745")
    assert text.splitlines()[-1] == "2 vehicles, 4 people, 29.5 m free"
