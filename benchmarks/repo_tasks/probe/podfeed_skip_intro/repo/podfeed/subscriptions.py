"""The list of shows the listener follows, saved as JSON."""
from __future__ import annotations

import json
from dataclasses import dataclass

MIN_SPEED = 0.5
MAX_SPEED = 3.0


@dataclass
class Subscription:
    feed_url: str
    title: str
    speed: float = 1.0
    auto_download: bool = True

    def __post_init__(self) -> None:
        if not MIN_SPEED <= self.speed <= MAX_SPEED:
            raise ValueError(
                f"speed must be between {MIN_SPEED} and {MAX_SPEED}, got {self.speed}"
            )


def load_subscriptions(text: str) -> list[Subscription]:
    """Subscriptions from the saved JSON (a list of objects).

    Settings missing from an entry get their defaults, so files written by
    older versions of the app still load.
    """
    data = json.loads(text) if text.strip() else []
    subs = []
    for entry in data:
        subs.append(Subscription(
            feed_url=entry["feed_url"],
            title=entry.get("title", entry["feed_url"]),
            speed=float(entry.get("speed", 1.0)),
            auto_download=bool(entry.get("auto_download", True)),
        ))
    return subs


def dump_subscriptions(subs: list[Subscription]) -> str:
    """The JSON text saved to disk."""
    return json.dumps([
        {
            "feed_url": s.feed_url,
            "title": s.title,
            "speed": s.speed,
            "auto_download": s.auto_download,
        }
        for s in subs
    ], indent=2)


def find(subs: list[Subscription], feed_url: str) -> Subscription:
    for sub in subs:
        if sub.feed_url == feed_url:
            return sub
    raise KeyError(f"not subscribed to {feed_url}")
