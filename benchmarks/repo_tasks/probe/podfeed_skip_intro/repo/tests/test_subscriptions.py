import json

import pytest

from podfeed.subscriptions import Subscription, dump_subscriptions, find, load_subscriptions


def test_old_file_gets_defaults():
    subs = load_subscriptions('[{"feed_url": "https://a.example/feed"}]')
    assert subs == [Subscription("https://a.example/feed", "https://a.example/feed", 1.0, True)]


def test_round_trip():
    subs = [Subscription("https://a.example/feed", "A", 1.5, False)]
    assert load_subscriptions(dump_subscriptions(subs)) == subs
    assert json.loads(dump_subscriptions(subs))[0]["speed"] == 1.5


def test_speed_checked():
    with pytest.raises(ValueError, match="speed must be between 0.5 and 3.0, got 4.0"):
        load_subscriptions('[{"feed_url": "x", "speed": 4}]')


def test_find():
    subs = [Subscription("a", "A"), Subscription("b", "B")]
    assert find(subs, "b").title == "B"
    with pytest.raises(KeyError):
        find(subs, "c")
