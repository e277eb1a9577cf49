from datetime import datetime, timedelta

import pytest

from carpark.gates import Barriers
from carpark.occupancy import Occupancy
from carpark.plates import is_valid_plate, normalise_plate
from carpark.tickets import Ticket

T0 = datetime(2024, 6, 1, 8, 0)


def test_normalise_plate():
    assert normalise_plate("ab12 cde") == "AB12CDE"
    assert normalise_plate("b-123-xy") == "B123XY"
    assert is_valid_plate("ab12 cde") and not is_valid_plate("A!")


def test_occupancy():
    occ = Occupancy(2)
    occ.arrive()
    occ.arrive()
    assert occ.is_full and occ.free == 0 and occ.percent_full() == 100.0
    with pytest.raises(RuntimeError):
        occ.arrive()


def test_enter_and_leave():
    gates = Barriers(10, first_ticket=100)
    ticket = gates.enter("ab12 cde", T0)
    assert (ticket.number, ticket.plate) == (100, "AB12CDE")
    gates.leave(100, T0 + timedelta(hours=2))
    assert not ticket.is_open and gates.occupancy.parked == 0


def test_same_car_cannot_enter_twice():
    gates = Barriers(10)
    gates.enter("AB12CDE", T0)
    with pytest.raises(ValueError):
        gates.enter("ab12 cde", T0)


def test_find_by_plate():
    gates = Barriers(10)
    t = gates.enter("XY99ZZZ", T0)
    assert gates.find_by_plate("xy99 zzz") is t
    assert gates.find_by_plate("NOPE1") is None


def test_ticket_close_checks_time():
    ticket = Ticket(1, "AB1", T0)
    with pytest.raises(ValueError):
        ticket.close(T0 - timedelta(minutes=1))
    ticket.close(T0)
    with pytest.raises(ValueError):
        ticket.close(T0)
