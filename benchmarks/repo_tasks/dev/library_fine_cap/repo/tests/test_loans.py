from datetime import date, timedelta

import pytest

from libris.catalog import Catalogue
from libris.loans import LoanDesk
from libris.members import Member


def test_lend_sets_due_date(paperback, ann, start):
    loan = LoanDesk().lend(paperback, ann, start)
    assert loan.due == date(2024, 1, 22)


def test_cannot_lend_twice(paperback, ann, stu, start):
    desk = LoanDesk()
    desk.lend(paperback, ann, start)
    with pytest.raises(ValueError):
        desk.lend(paperback, stu, start)


def test_give_back_and_overdue(paperback, ann, start):
    desk = LoanDesk()
    loan = desk.lend(paperback, ann, start)
    desk.give_back(paperback, loan.due + timedelta(days=4))
    assert loan.days_overdue(date(2025, 1, 1)) == 4
    assert desk.open_loans() == []


def test_catalogue_by_author(paperback, hardback):
    cat = Catalogue()
    cat.add(paperback)
    cat.add(hardback)
    assert cat.by_author("george eliot") == [paperback]


def test_unknown_tier():
    with pytest.raises(ValueError):
        Member("M9", "X", "x@example.org", tier="gold")
