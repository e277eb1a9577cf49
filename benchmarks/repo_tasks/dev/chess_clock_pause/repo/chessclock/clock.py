"""The two-sided clock."""

import time

from . import PLAYERS
from .movelog import MoveLog


class ChessClock:
    """A chess clock for two players, white moving first.

    ``start()`` starts white's time.  ``press()`` is what the player to move
    does after moving: their time stops, the increment is added, and the
    opponent's time starts.
    """

    def __init__(self, control, time_source=time.monotonic):
        self.control = control
        self._now = time_source
        self._remaining = {p: float(control.base_seconds) for p in PLAYERS}
        self._turn = "white"
        self._turn_started = None
        self.log = MoveLog()

    @property
    def turn(self) -> str:
        """The player whose clock is (or will be) running."""
        return self._turn

    @property
    def is_running(self) -> bool:
        return self._turn_started is not None

    def start(self) -> None:
        if self.is_running:
            raise RuntimeError("clock already running")
        if self.log.moves:
            raise RuntimeError("game already started")
        self._turn_started = self._now()

    def _elapsed(self) -> float:
        if self._turn_started is None:
            return 0.0
        return self._now() - self._turn_started

    def remaining(self, player: str) -> float:
        """Seconds left for *player*, never below zero."""
        if player not in PLAYERS:
            raise ValueError(f"unknown player: {player}")
        left = self._remaining[player]
        if player == self._turn:
            left -= self._elapsed()
        return max(left, 0.0)

    def flagged(self):
        """The player who has run out of time, or None."""
        for player in PLAYERS:
            if self.remaining(player) <= 0:
                return player
        return None

    def press(self):
        """End the current player's move and start the opponent's clock.

        Returns the MoveTime recorded for the finished move.
        """
        if not self.is_running:
            raise RuntimeError("clock is not running")
        if self.flagged():
            raise RuntimeError(f"{self.flagged()} has run out of time")
        used = self._elapsed()
        self._remaining[self._turn] -= used
        self._remaining[self._turn] += self.control.increment
        entry = self.log.record(self._turn, used)
        self._turn = "black" if self._turn == "white" else "white"
        self._turn_started = self._now()
        return entry

    def stop(self) -> None:
        """Stop the clock for good (e.g. when the game ends)."""
        self._remaining[self._turn] -= self._elapsed()
        self._turn_started = None
