import pytest

from podfeed.episodes import format_duration, parse_duration
from podfeed.feed import FeedError, parse_feed

FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
  <title>Garden Hour</title>
  <itunes:author>Kim</itunes:author>
  <item>
    <title>Pruning roses</title>
    <guid>g1</guid>
    <pubDate>Mon, 06 May 2024 06:00:00 +0000</pubDate>
    <itunes:duration>52:10</itunes:duration>
    <enclosure url="https://cdn.example.org/g1.mp3" type="audio/mpeg" length="1"/>
  </item>
  <item>
    <title>Show notes only</title>
    <pubDate>Tue, 07 May 2024 06:00:00 +0000</pubDate>
  </item>
  <item>
    <title>Tomatoes</title>
    <pubDate>Mon, 13 May 2024 06:00:00 +0000</pubDate>
    <itunes:duration>3725</itunes:duration>
    <enclosure url="https://cdn.example.org/g2.mp3" type="audio/mpeg" length="1"/>
  </item>
</channel>
</rss>"""


def test_parse_feed():
    show = parse_feed(FEED, "https://example.org/garden.xml")
    assert (show.title, show.author) == ("Garden Hour", "Kim")
    assert [e.title for e in show.episodes] == ["Tomatoes", "Pruning roses"]
    assert show.episodes[0].guid == "https://cdn.example.org/g2.mp3"
    assert show.episodes[1].duration_s == 3130


def test_bad_feed():
    with pytest.raises(FeedError):
        parse_feed("<rss><nope>", "x")


@pytest.mark.parametrize("text, seconds", [("3725", 3725), ("52:10", 3130), ("1:02:05", 3725)])
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


def test_format_duration():
    assert format_duration(3725) == "1 h 03 min"
    assert format_duration(2580) == "43 min"
