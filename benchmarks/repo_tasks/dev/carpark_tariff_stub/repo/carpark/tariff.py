"""What a stay in the car park costs."""

from decimal import Decimal


def billable_minutes(entered, exited):
    """Return the whole minutes between entry and exit, rounded up."""
    raise NotImplementedError


class Tariff:
    """Hourly charging with a grace period, a daily cap and a lost-ticket fee."""

    def __init__(self, hourly_rate, daily_cap, grace_minutes=15,
                 lost_ticket_fee=Decimal("50.00")):
        """Store and check the tariff's settings."""
        raise NotImplementedError

    def fee(self, entered, exited):
        """Return the fee for a stay from *entered* to *exited*."""
        raise NotImplementedError

    def fee_for_ticket(self, ticket, now):
        """Return the fee due for *ticket* when it is presented at *now*."""
        raise NotImplementedError


def format_fee(amount):
    """Return the fee as shown on the pay station's display."""
    raise NotImplementedError
