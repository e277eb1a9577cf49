"""Exceptions raised by state machines."""


class MachineError(Exception):
    """Base class for state machine errors."""


class InvalidTransition(MachineError):
    """The event is not allowed in the current state."""

    def __init__(self, event, state):
        super().__init__(f"event {event!r} is not allowed in state {state!r}")
        self.event = event
        self.state = state


class GuardRejected(MachineError):
    """Every transition for the event was refused by its guard."""

    def __init__(self, event, state):
        super().__init__(f"guard refused event {event!r} in state {state!r}")
        self.event = event
        self.state = state
