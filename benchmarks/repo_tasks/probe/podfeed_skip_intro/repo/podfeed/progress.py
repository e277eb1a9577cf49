"""How far the listener got in each episode."""
from __future__ import annotations

from .episodes import Episode

# Stopping this close to the end counts as having finished the episode
# (most shows end with credits and trailers).
FINISHED_MARGIN_S = 30


class Progress:
    def __init__(self) -> None:
        self._positions: dict[str, int] = {}
        self._played: set[str] = set()

    def record(self, episode: Episode, position_s: int) -> None:
        """Remember where playback of *episode* stopped."""
        if position_s < 0:
            raise ValueError("position cannot be negative")
        if position_s >= episode.duration_s - FINISHED_MARGIN_S:
            self.mark_played(episode)
        else:
            self._positions[episode.guid] = position_s

    def mark_played(self, episode: Episode) -> None:
        self._played.add(episode.guid)
        self._positions.pop(episode.guid, None)

    def is_played(self, episode: Episode) -> bool:
        return episode.guid in self._played

    def resume_position(self, episode: Episode) -> int:
        """Where the listener left off (0 for new or finished episodes)."""
        return self._positions.get(episode.guid, 0)

    def in_progress(self, episodes: list[Episode]) -> list[Episode]:
        """Episodes started but not finished, in the order given."""
        return [e for e in episodes if self._positions.get(e.guid, 0) > 0]
