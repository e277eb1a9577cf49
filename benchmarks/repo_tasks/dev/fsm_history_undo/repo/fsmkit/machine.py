"""The state machine."""

from .errors import GuardRejected, InvalidTransition
from .transitions import TransitionTable


class StateMachine:
    """A finite state machine driven by named events.

    *context* is a dict handed to guards; callers may update it freely.
    """

    def __init__(self, states, initial, transitions=(), context=None):
        self.states = list(states)
        if initial not in self.states:
            raise ValueError(f"unknown initial state: {initial!r}")
        self.table = TransitionTable()
        for t in transitions:
            self.add_transition(t)
        self.initial = initial
        self.context = dict(context or {})
        self._state = initial
        self._on_enter = {}
        self._on_exit = {}

    @property
    def state(self) -> str:
        return self._state

    def add_transition(self, transition) -> None:
        for name in (transition.source, transition.dest):
            if name != "*" and name not in self.states:
                raise ValueError(f"unknown state in transition: {name!r}")
        self.table.add(transition)

    def on_enter(self, state, callback):
        """Call ``callback(event, source, dest)`` whenever *state* is entered."""
        self._on_enter.setdefault(state, []).append(callback)

    def on_exit(self, state, callback):
        """Call ``callback(event, source, dest)`` whenever *state* is left."""
        self._on_exit.setdefault(state, []).append(callback)

    def _find(self, event):
        candidates = self.table.candidates(event, self._state)
        if not candidates:
            raise InvalidTransition(event, self._state)
        for t in candidates:
            if t.guard is None or t.guard(self.context):
                return t
        raise GuardRejected(event, self._state)

    def can(self, event) -> bool:
        """True if *event* would currently cause a transition."""
        try:
            self._find(event)
        except (InvalidTransition, GuardRejected):
            return False
        return True

    def available_events(self):
        return [e for e in self.table.events_from(self._state) if self.can(e)]

    def trigger(self, event) -> str:
        """Fire *event* and return the new state."""
        t = self._find(event)
        source = self._state
        for callback in self._on_exit.get(source, ()):
            callback(event, source, t.dest)
        self._state = t.dest
        for callback in self._on_enter.get(t.dest, ()):
            callback(event, source, t.dest)
        return self._state

    def reset(self) -> None:
        """Go back to the initial state without running callbacks."""
        self._state = self.initial
