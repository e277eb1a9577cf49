"""A record of how long each move took."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MoveTime:
    number: int      # full-move number, as in chess notation
    player: str
    seconds: float   # thinking time used on the move


class MoveLog:
    def __init__(self):
        self.moves = []

    def record(self, player: str, seconds: float) -> MoveTime:
        number = len(self.moves) // 2 + 1
        entry = MoveTime(number, player, seconds)
        self.moves.append(entry)
        return entry

    def for_player(self, player: str):
        return [m for m in self.moves if m.player == player]

    def total(self, player: str) -> float:
        return sum(m.seconds for m in self.for_player(player))

    def longest(self, player: str):
        moves = self.for_player(player)
        return max(moves, key=lambda m: m.seconds) if moves else None
