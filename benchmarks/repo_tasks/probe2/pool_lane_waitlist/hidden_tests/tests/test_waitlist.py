from datetime import datetime

import pytest

from lanebook.cards import lane_cards
from lanebook.lanes import parse_layout, standard_lanes
from lanebook.sessions import AlreadyBooked, Session, SessionFull

START = datetime(2024, 9, 2, 12, 30)


def full_fast_session():
    """Lanes 1 slow, 2 medium, 3 and 4 fast; one place each; the fast lanes are full."""
    session = Session(START, parse_layout("slow, medium, fast, fast", 1))
    ana = session.book("Ana", "fast")
    ben = session.book("Ben", "fast")
    return session, ana, ben


# --- the waiting list --------------------------------------------------------

def test_join_and_list_in_order():
    session, _, _ = full_fast_session()
    assert session.join_waitlist("Cy", "fast") == 1
    assert session.join_waitlist("Dee", "Quick") == 2
    assert session.waitlist("fast") == ["Cy", "Dee"]
    assert session.waitlist("slow") == []


def test_cancel_hands_place_to_first_waiting():
    session, ana, ben = full_fast_session()
    session.join_waitlist("Cy", "fast")
    session.join_waitlist("Dee", "fast")
    promoted = session.cancel(ben.ref)
    assert (promoted.swimmer, promoted.lane) == ("Cy", 4)
    assert promoted.ref == "09021230-03"
    assert session.booking_for("Cy") == promoted
    assert session.waitlist("fast") == ["Dee"]
    assert session.free_places("fast") == 0
    assert session.swimmers() == ["Ana", "Cy"]


def test_cancel_with_nobody_waiting_for_that_speed():
    session, ana, _ = full_fast_session()
    slow = session.book("Eve", "slow")
    session.join_waitlist("Cy", "fast")
    assert session.cancel(slow.ref) is None
    assert session.waitlist("fast") == ["Cy"]
    assert session.free_places("slow") == 1


def test_cannot_join_while_places_free():
    session, _, _ = full_fast_session()
    with pytest.raises(ValueError):
        session.join_waitlist("Cy", "medium")
    assert session.waitlist("medium") == []


def test_booked_or_waiting_swimmer_cannot_join():
    session, _, _ = full_fast_session()
    with pytest.raises(AlreadyBooked):
        session.join_waitlist("Ana", "fast")
    session.join_waitlist("Cy", "fast")
    with pytest.raises(AlreadyBooked):
        session.join_waitlist("Cy", "fast")
    assert session.waitlist("fast") == ["Cy"]


def test_leave_waitlist():
    session, _, ben = full_fast_session()
    session.join_waitlist("Cy", "fast")
    session.join_waitlist("Dee", "fast")
    session.leave_waitlist("Cy")
    assert session.waitlist("fast") == ["Dee"]
    assert session.cancel(ben.ref).swimmer == "Dee"
    with pytest.raises(KeyError):
        session.leave_waitlist("Cy")


def test_booking_another_speed_leaves_the_waitlist():
    session, _, ben = full_fast_session()
    session.join_waitlist("Cy", "fast")
    assert session.book("Cy", "medium").lane == 2
    assert session.waitlist("fast") == []
    assert session.cancel(ben.ref) is None
    assert session.free_places("fast") == 1


def test_promoted_swimmer_on_lane_card():
    session, ana, _ = full_fast_session()
    session.join_waitlist("Cy", "fast")
    session.cancel(ana.ref)
    assert lane_cards(session)[2] == "Lane 3 (fast) 12:30: Cy [1/1]"


# --- behaviour that already works and must keep working ----------------------

def test_book_picks_emptiest_lane():
    session = Session(START, standard_lanes(places=2))
    assert [session.book(n, "fast").lane for n in ("A", "B", "C", "D")] == [5, 6, 5, 6]
    with pytest.raises(SessionFull, match="no fast lane places left at 12:30"):
        session.book("E", "fast")


def test_refs_keep_counting():
    session = Session(START, standard_lanes())
    first = session.book("Ana", "fast")
    session.cancel(first.ref)
    assert session.book("Ben", "fast").ref == "09021230-02"


def test_double_booking_still_refused():
    session = Session(START, standard_lanes())
    session.book("Ana", "slow")
    with pytest.raises(AlreadyBooked):
        session.book("Ana", "fast")


def test_cancel_unknown_ref_and_plain_cancel():
    session = Session(START, parse_layout("fast", 1))
    booking = session.book("Ana", "fast")
    with pytest.raises(KeyError):
        session.cancel("nope")
    session.cancel(booking.ref)
    assert session.free_places("fast") == 1 and session.swimmers() == []
    assert lane_cards(session) == ["Lane 1 (fast) 12:30: - [0/1]"]
