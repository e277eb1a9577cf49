import pytest

from lockerbank.lockers import Locker, LockerBank
from lockerbank.sizes import NoLockerFree, ParcelTooLarge, fits, pick_locker, size_for

SMALL, MEDIUM, LARGE = (30, 20, 8), (15, 30, 20), (50, 40, 30)


def make_bank():
    return LockerBank.with_layout("Station Road", {"S": 3, "M": 2, "L": 2})


def test_layout_numbering():
    bank = make_bank()
    assert [l.number for l in bank.free("M")] == [4, 5]
    assert [l.number for l in bank.free("L")] == [6, 7]


def test_size_for():
    assert size_for(SMALL) == "S"
    assert size_for(MEDIUM) == "M"
    assert size_for(LARGE) == "L"
    assert fits((9, 40, 35), "S")
    with pytest.raises(ParcelTooLarge):
        size_for((70, 40, 40))
    with pytest.raises(ValueError):
        size_for((0, 10, 10))


def test_pick_lowest_numbered_free_locker():
    bank = make_bank()
    assert pick_locker(bank, SMALL).number == 1
    bank.occupy(1, "PX-1")
    assert pick_locker(bank, SMALL).number == 2
    assert pick_locker(bank, MEDIUM).number == 4


def test_out_of_service_locker_skipped():
    bank = LockerBank("Mill Lane", [Locker(1, "S", out_of_service=True), Locker(2, "S"),
                                    Locker(3, "L")])
    assert pick_locker(bank, SMALL).number == 2


def test_no_large_locker_free():
    bank = make_bank()
    bank.occupy(6, "PX-1")
    bank.occupy(7, "PX-2")
    with pytest.raises(NoLockerFree, match="no locker free for a L parcel at Station Road"):
        pick_locker(bank, LARGE)
