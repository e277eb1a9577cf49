from datetime import datetime

import pytest

from lanebook.lanes import parse_layout, standard_lanes
from lanebook.sessions import AlreadyBooked, Session, SessionFull

START = datetime(2024, 9, 2, 7, 0)


def test_standard_layout():
    lanes = standard_lanes(places=4)
    assert [(l.number, l.speed) for l in lanes] == [
        (1, "slow"), (2, "slow"), (3, "medium"), (4, "medium"), (5, "fast"), (6, "fast")]
    assert [l.speed for l in parse_layout("s, med, Fast", 3)] == ["slow", "medium", "fast"]


def test_book_fills_emptiest_lane_first():
    session = Session(START, standard_lanes(places=2))
    lanes = [session.book(name, "fast").lane for name in ("Ana", "Ben", "Cy")]
    assert lanes == [5, 6, 5]
    assert session.free_places("fast") == 1
    assert session.free_places("slow") == 4


def test_refs():
    session = Session(START, standard_lanes())
    assert session.book("Ana", "fast").ref == "09020700-01"
    assert session.book("Ben", "slow").ref == "09020700-02"


def test_full_and_double_booking():
    session = Session(START, parse_layout("fast", 1))
    session.book("Ana", "fast")
    with pytest.raises(AlreadyBooked):
        session.book("Ana", "fast")
    with pytest.raises(SessionFull, match="no fast lane places left at 07:00"):
        session.book("Ben", "f")


def test_cancel_frees_place():
    session = Session(START, parse_layout("fast", 1))
    booking = session.book("Ana", "fast")
    session.cancel(booking.ref)
    assert session.free_places("fast") == 1
    assert session.swimmers() == []
    with pytest.raises(KeyError):
        session.cancel(booking.ref)
