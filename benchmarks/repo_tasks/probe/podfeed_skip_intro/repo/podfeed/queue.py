"""The "Up next" queue shown on the player's home screen."""
from __future__ import annotations

from .episodes import Episode
from .feed import Show
from .progress import Progress


def up_next(shows: list[Show], progress: Progress, limit: int = 10) -> list[Episode]:
    """Episodes to offer next.

    Episodes already started come first (most recently published first),
    then unplayed episodes, newest first.  Finished episodes are left out.
    """
    everything = [e for show in shows for e in show.episodes]
    everything.sort(key=lambda e: (e.published, e.guid), reverse=True)
    started = progress.in_progress(everything)
    fresh = [e for e in everything
             if e not in started and not progress.is_played(e)]
    return (started + fresh)[:limit]


def listening_backlog_s(shows: list[Show], progress: Progress) -> int:
    """Seconds of audio still to listen to across all shows."""
    total = 0
    for show in shows:
        for episode in show.episodes:
            if not progress.is_played(episode):
                total += episode.duration_s - progress.resume_position(episode)
    return total
