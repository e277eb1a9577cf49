from datetime import timedelta
from decimal import Decimal

from libris.fines import fine_for, members_owing, total_fines
from libris.loans import LoanDesk
from libris.notices import overdue_notice


def late(desk, book, member, start, days_late):
    loan = desk.lend(book, member, start)
    return loan, loan.due + timedelta(days=days_late)


def test_grace_day(paperback, ann, start):
    loan, today = late(LoanDesk(), paperback, ann, start, 1)
    assert fine_for(loan, today) == Decimal("0.00")


def test_rate_depends_on_tier(paperback, hardback, ann, stu, start):
    desk = LoanDesk()
    a, today = late(desk, paperback, ann, start, 10)
    s, _ = late(desk, hardback, stu, start, 10)
    assert fine_for(a, today) == Decimal("5.00")
    assert fine_for(s, today) == Decimal("2.50")
    assert total_fines([a, s], today) == Decimal("7.50")


def test_members_owing_sorted(paperback, hardback, ann, stu, start):
    desk = LoanDesk()
    a, returned = late(desk, paperback, ann, start, 4)
    desk.give_back(paperback, returned)
    s, today = late(desk, hardback, stu, start, 20)
    assert members_owing([a, s], today) == [(stu, Decimal("5.00")), (ann, Decimal("2.00"))]


def test_notice_text(paperback, ann, start):
    loan, today = late(LoanDesk(), paperback, ann, start, 3)
    text = overdue_notice(loan, today)
    assert "'Middlemarch' was due back on 22 January 2024 and is now 3 days overdue." in text
    assert "The fine so far is $1.50." in text
    assert "replacement cost" not in text


def test_fine_capped_at_replacement_cost(paperback, hardback, ann, start):
    desk = LoanDesk()
    loan, today = late(desk, paperback, ann, start, 365)
    assert fine_for(loan, today) == Decimal("20.00")
    other, _ = late(desk, hardback, ann, start, 365)
    assert fine_for(other, today) == Decimal("45.00")
    assert total_fines([loan, other], today) == Decimal("65.00")


def test_fine_just_below_cap_unchanged(paperback, ann, start):
    loan, today = late(LoanDesk(), paperback, ann, start, 39)
    assert fine_for(loan, today) == Decimal("19.50")


def test_lost_book_notice_shows_capped_fine(paperback, ann, start):
    loan, today = late(LoanDesk(), paperback, ann, start, 90)
    text = overdue_notice(loan, today)
    assert "The fine so far is $20.00." in text
    assert "replacement cost of $20.00" in text
