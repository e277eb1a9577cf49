"""The lane cards the lifeguards clip to the lane ropes."""
from __future__ import annotations

from .sessions import Session


def lane_cards(session: Session) -> list[str]:
    """'Lane 5 (fast) 07:00: Ana Silva, Ben Ho [2/4]' for each lane."""
    cards = []
    for number in sorted(session.lanes):
        lane = session.lanes[number]
        names = [b.swimmer for b in session.in_lane(number)]
        who = ", ".join(names) if names else "-"
        cards.append(f"Lane {number} ({lane.speed}) {session.start:%H:%M}: "
                     f"{who} [{len(names)}/{lane.places}]")
    return cards
