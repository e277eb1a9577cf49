"""Borrowing and returning books."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

LOAN_DAYS = 21


@dataclass
class Loan:
    book: object
    member: object
    borrowed: date
    due: date
    returned: Optional[date] = None

    def days_overdue(self, today: date) -> int:
        """Days past the due date, counted to the return date if returned."""
        end = self.returned or today
        return max((end - self.due).days, 0)

    @property
    def is_open(self) -> bool:
        return self.returned is None


class LoanDesk:
    """Keeps track of which books are out and who has them."""

    def __init__(self):
        self.loans = []

    def open_loans(self, member=None):
        return [loan for loan in self.loans
                if loan.is_open and (member is None or loan.member == member)]

    def lend(self, book, member, today: date) -> Loan:
        if any(loan.book == book for loan in self.open_loans()):
            raise ValueError(f"{book.title!r} is already on loan")
        if len(self.open_loans(member)) >= member.loan_limit:
            raise ValueError(f"{member.name} has reached the loan limit")
        loan = Loan(book, member, today, today + timedelta(days=LOAN_DAYS))
        self.loans.append(loan)
        return loan

    def give_back(self, book, today: date) -> Loan:
        for loan in self.open_loans():
            if loan.book == book:
                loan.returned = today
                return loan
        raise ValueError(f"{book.title!r} is not on loan")
