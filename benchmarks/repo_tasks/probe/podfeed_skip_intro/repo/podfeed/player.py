"""Starting playback: where to start and how fast."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .episodes import Episode
from .progress import Progress
from .subscriptions import Subscription, find


@dataclass(frozen=True)
class Session:
    """What the audio layer is told when the listener presses play."""

    episode: Episode
    start_s: int
    speed: float


class Player:
    def __init__(self, subscriptions: list[Subscription], progress: Progress) -> None:
        self.subscriptions = subscriptions
        self.progress = progress

    def subscription_for(self, episode: Episode) -> Subscription:
        return find(self.subscriptions, episode.feed_url)

    def play(self, episode: Episode) -> Session:
        """Start (or resume) an episode at its show's playback speed."""
        sub = self.subscription_for(episode)
        start = self.progress.resume_position(episode)
        return Session(episode, start, sub.speed)

    def stop(self, session: Session, position_s: int) -> None:
        """The listener stopped at *position_s* seconds into the episode."""
        self.progress.record(session.episode, position_s)

    def remaining_minutes(self, episode: Episode) -> int:
        """Listening time left at the show's speed, in whole minutes (rounded up)."""
        sub = self.subscription_for(episode)
        left = episode.duration_s - self.progress.resume_position(episode)
        return math.ceil(left / sub.speed / 60)
