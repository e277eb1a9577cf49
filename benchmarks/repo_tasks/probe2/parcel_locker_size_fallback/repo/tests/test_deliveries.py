from datetime import datetime

import pytest

from lockerbank.codes import normalise_code
from lockerbank.deliveries import LockerService, Parcel
from lockerbank.lockers import LockerBank
from lockerbank.notices import arrival_sms

T0 = datetime(2024, 3, 9, 11, 0)


def make_service():
    return LockerService(LockerBank.with_layout("Station Road", {"S": 3, "M": 2, "L": 2}))


def test_deliver_and_collect():
    service = make_service()
    delivery = service.deliver(Parcel("PX-1002", (30, 20, 8), "07700 900123"), T0)
    assert delivery.locker_number == 1
    assert delivery.code == "040528"
    assert service.collect("040-528", datetime(2024, 3, 10, 9, 0)) is delivery
    assert service.bank.locker(1).is_free
    with pytest.raises(KeyError):
        service.collect("040528", datetime(2024, 3, 10, 9, 5))


def test_sms_text():
    service = make_service()
    delivery = service.deliver(Parcel("PX-1002", (30, 20, 8), "07700 900123"), T0)
    assert arrival_sms(delivery, "Station Road") == (
        "Your parcel PX-1002 is in locker 1 at Station Road. Code 040528. "
        "Collect by Tue 12 Mar 20:00.")


def test_overdue_parcels():
    service = make_service()
    service.deliver(Parcel("PX-1001", (50, 40, 30), "07700 900001"), T0)
    service.deliver(Parcel("PX-1003", (30, 20, 8), "07700 900003"), datetime(2024, 3, 11, 8, 0))
    late = service.overdue(datetime(2024, 3, 12, 21, 0))
    assert [d.parcel.parcel_id for d in late] == ["PX-1001"]
    with pytest.raises(ValueError, match="gone back to the depot"):
        service.collect(late[0].code, datetime(2024, 3, 12, 21, 0))


def test_keypad_code():
    assert normalise_code(" 04 05 28") == "040528"
    with pytest.raises(ValueError):
        normalise_code("4052")
