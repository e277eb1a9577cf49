"""Reminder and overdue notices sent to members."""

from .fines import fine_for

LOST_AFTER_DAYS = 60


def overdue_notice(loan, today) -> str:
    """Text of the e-mail sent for an overdue loan."""
    days = loan.days_overdue(today)
    lines = [
        f"Dear {loan.member.name},",
        "",
        f"'{loan.book.title}' was due back on {loan.due:%d %B %Y} "
        f"and is now {days} day{'s' if days != 1 else ''} overdue.",
        f"The fine so far is ${fine_for(loan, today)}.",
    ]
    if days >= LOST_AFTER_DAYS:
        lines.append(
            f"If the book is lost, the replacement cost of "
            f"${loan.book.replacement_cost} will be charged instead."
        )
    lines += ["", "Community Library"]
    return "\n".join(lines)


def due_soon(loans, today, within_days=3):
    """Open loans due within *within_days* days of *today*, soonest first."""
    soon = [loan for loan in loans
            if loan.is_open and 0 <= (loan.due - today).days <= within_days]
    return sorted(soon, key=lambda loan: loan.due)
