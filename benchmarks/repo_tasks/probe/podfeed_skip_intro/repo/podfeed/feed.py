"""Reading a podcast's RSS feed."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

from .episodes import Episode, parse_duration

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


class FeedError(ValueError):
    """The feed could not be understood."""


@dataclass
class Show:
    feed_url: str
    title: str
    author: str
    episodes: list[Episode] = field(default_factory=list)   # newest first


def _text(element, tag: str, default: str = "") -> str:
    found = element.find(tag)
    return found.text.strip() if found is not None and found.text else default


def parse_feed(xml_text: str, feed_url: str) -> Show:
    """Parse an RSS 2.0 podcast feed into a Show."""
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError as exc:
        raise FeedError(f"not valid XML: {exc}") from None
    channel = root.find("channel")
    if channel is None:
        raise FeedError("no <channel> in feed")
    show = Show(feed_url, _text(channel, "title", "Untitled"),
                _text(channel, ITUNES + "author"))
    for item in channel.findall("item"):
        enclosure = item.find("enclosure")
        if enclosure is None:
            continue                      # text-only posts are not episodes
        guid = _text(item, "guid") or enclosure.get("url", "")
        duration = _text(item, ITUNES + "duration", "0")
        published = parsedate_to_datetime(_text(item, "pubDate")).date()
        show.episodes.append(Episode(feed_url, guid, _text(item, "title"), published,
                                     parse_duration(duration), enclosure.get("url", "")))
    show.episodes.sort(key=lambda e: e.published, reverse=True)
    return show
