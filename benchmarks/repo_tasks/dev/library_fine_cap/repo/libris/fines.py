"""Overdue fines."""

from decimal import Decimal

DAILY_RATE = {
    "standard": Decimal("0.50"),
    "student": Decimal("0.25"),
    "senior": Decimal("0.20"),
}
GRACE_DAYS = 1


def daily_rate(member) -> Decimal:
    return DAILY_RATE[member.tier]


def fine_for(loan, today) -> Decimal:
    """The fine owed for *loan* as of *today* (or its return date)."""
    days = loan.days_overdue(today)
    if days <= GRACE_DAYS:
        return Decimal("0.00")
    return (daily_rate(loan.member) * days).quantize(Decimal("0.01"))


def total_fines(loans, today) -> Decimal:
    return sum((fine_for(loan, today) for loan in loans), Decimal("0.00"))


def members_owing(loans, today, threshold=Decimal("0.01")):
    """Members whose fines add up to at least *threshold*, most owed first."""
    owed = {}
    for loan in loans:
        owed[loan.member] = owed.get(loan.member, Decimal("0.00")) + fine_for(loan, today)
    ranked = sorted(owed.items(), key=lambda item: (-item[1], item[0].name))
    return [(member, amount) for member, amount in ranked if amount >= threshold]
