"""Transitions and lookup tables of transitions."""

from dataclasses import dataclass
from typing import Callable, Optional

ANY = "*"


@dataclass(frozen=True)
class Transition:
    """On *event*, go from *source* (or any state, with ``"*"``) to *dest*.

    *guard*, when given, is called with the machine's context and must
    return a true value for the transition to happen.
    """

    event: str
    source: str
    dest: str
    guard: Optional[Callable] = None

    def applies_to(self, state: str) -> bool:
        return self.source == ANY or self.source == state


class TransitionTable:
    def __init__(self, transitions=()):
        self._by_event = {}
        for t in transitions:
            self.add(t)

    def add(self, transition: Transition) -> None:
        self._by_event.setdefault(transition.event, []).append(transition)

    def candidates(self, event: str, state: str):
        """Transitions for *event* that start from *state*, exact matches first."""
        found = [t for t in self._by_event.get(event, ()) if t.applies_to(state)]
        return sorted(found, key=lambda t: t.source == ANY)

    def events_from(self, state: str):
        return sorted(e for e, ts in self._by_event.items()
                      if any(t.applies_to(state) for t in ts))

    def __iter__(self):
        for transitions in self._by_event.values():
            yield from transitions
