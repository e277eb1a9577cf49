from datetime import datetime

import pytest

from lockerbank.deliveries import LockerService, Parcel
from lockerbank.lockers import Locker, LockerBank
from lockerbank.sizes import NoLockerFree, ParcelTooLarge, pick_locker, size_for

SMALL, MEDIUM, LARGE = (30, 20, 8), (15, 30, 20), (50, 40, 30)
T0 = datetime(2024, 3, 9, 11, 0)


def make_bank():
    return LockerBank.with_layout("Station Road", {"S": 3, "M": 2, "L": 2})


def fill(bank, *numbers):
    for n in numbers:
        bank.occupy(n, f"PX-{n}")


# --- the requested behaviour -----------------------------------------------

def test_medium_parcel_goes_to_large_when_medium_full():
    bank = make_bank()
    fill(bank, 4, 5)
    assert pick_locker(bank, MEDIUM).number == 6
    fill(bank, 6)
    assert pick_locker(bank, MEDIUM).number == 7


def test_small_parcel_tries_medium_then_large():
    bank = make_bank()
    fill(bank, 1, 2, 3)
    assert pick_locker(bank, SMALL).number == 4
    fill(bank, 4, 5)
    assert pick_locker(bank, SMALL).number == 6


def test_fallback_skips_out_of_service_lockers():
    bank = LockerBank("Mill Lane", [Locker(1, "S"), Locker(2, "M", out_of_service=True),
                                    Locker(3, "L")])
    fill(bank, 1)
    assert pick_locker(bank, SMALL).number == 3


def test_delivery_uses_larger_locker():
    bank = make_bank()
    fill(bank, 4, 5)
    service = LockerService(bank)
    delivery = service.deliver(Parcel("PX-1002", MEDIUM, "07700 900123"), T0)
    assert delivery.locker_number == 6
    assert bank.find_parcel("PX-1002") == 6
    assert service.collect(delivery.code, T0).locker_number == 6
    assert bank.locker(6).is_free


# --- behaviour that already works and must keep working ---------------------

def test_nothing_big_enough_free():
    bank = make_bank()
    fill(bank, 1, 2, 3, 4, 5, 6, 7)
    with pytest.raises(NoLockerFree, match="^no locker free for a S parcel at Station Road$"):
        pick_locker(bank, SMALL)


def test_never_falls_back_to_a_smaller_size():
    bank = make_bank()
    fill(bank, 6, 7)
    with pytest.raises(NoLockerFree, match="^no locker free for a L parcel at Station Road$"):
        pick_locker(bank, LARGE)
    assert [l.number for l in bank.free("S")] == [1, 2, 3]


def test_exact_size_preferred_over_lower_numbered_larger_locker():
    bank = LockerBank("Mill Lane", [Locker(1, "L"), Locker(2, "M"), Locker(3, "S"),
                                    Locker(4, "S")])
    assert pick_locker(bank, SMALL).number == 3
    assert pick_locker(bank, MEDIUM).number == 2
    fill(bank, 3)
    assert pick_locker(bank, SMALL).number == 4


def test_lowest_number_within_exact_size():
    bank = make_bank()
    fill(bank, 1)
    assert pick_locker(bank, SMALL).number == 2
    assert pick_locker(bank, MEDIUM).number == 4
    assert pick_locker(bank, LARGE).number == 6


def test_too_large_parcel_still_refused():
    bank = make_bank()
    with pytest.raises(ParcelTooLarge):
        pick_locker(bank, (70, 40, 40))
    assert size_for((9, 40, 35)) == "S" and size_for((40, 35, 19)) == "M"


def test_round_trip_without_fallback():
    service = LockerService(make_bank())
    first = service.deliver(Parcel("PX-1001", SMALL, "07700 900001"), T0)
    second = service.deliver(Parcel("PX-1003", LARGE, "07700 900003"), T0)
    assert (first.locker_number, second.locker_number) == (1, 6)
    assert service.collect(first.code, T0) is first
    assert service.bank.find_parcel("PX-1003") == 6
