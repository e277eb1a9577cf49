"""Text messages sent to recipients."""
from __future__ import annotations

from .deliveries import Delivery


def arrival_sms(delivery: Delivery, site: str) -> str:
    """'Your parcel PX-1001 is in locker 7 at Station Road. Code 042917. Collect by Tue 12 Mar 20:00.'"""
    deadline = delivery.deadline
    return (f"Your parcel {delivery.parcel.parcel_id} is in locker {delivery.locker_number} "
            f"at {site}. Code {delivery.code}. "
            f"Collect by {deadline:%a} {deadline.day} {deadline:%b %H:%M}.")


def reminder_sms(delivery: Delivery, site: str) -> str:
    """Sent on the morning of the last day."""
    return (f"Reminder: parcel {delivery.parcel.parcel_id} is waiting at {site} "
            f"until {delivery.deadline:%H:%M} today. Code {delivery.code}.")
