import json

import pytest

from conftest import GARDEN, HISTORY
from podfeed.player import Player
from podfeed.progress import Progress
from podfeed.queue import listening_backlog_s, up_next
from podfeed.subscriptions import Subscription, dump_subscriptions, load_subscriptions

SAVED = json.dumps([
    {"feed_url": GARDEN, "title": "Garden Hour", "speed": 1.25, "auto_download": False,
     "skip_intro": 90},
    {"feed_url": HISTORY, "title": "Past Times"},
])


# --- the new setting --------------------------------------------------------

def test_skip_intro_loaded_and_defaulted():
    garden, history = load_subscriptions(SAVED)
    assert garden.skip_intro == 90
    assert (garden.speed, garden.auto_download) == (1.25, False)
    assert history.skip_intro == 0


def test_skip_intro_saved():
    subs = load_subscriptions(SAVED)
    saved = json.loads(dump_subscriptions(subs))
    assert saved[0]["skip_intro"] == 90
    assert load_subscriptions(dump_subscriptions(subs)) == subs


def test_negative_skip_intro_rejected():
    with pytest.raises(ValueError):
        Subscription(GARDEN, "Garden Hour", skip_intro=-5)


def test_new_episode_starts_after_intro(shows):
    player = Player(load_subscriptions(SAVED), Progress())
    session = player.play(shows[0].episodes[0])
    assert (session.start_s, session.speed) == (90, 1.25)


def test_resume_beyond_intro_is_unchanged(shows):
    player = Player(load_subscriptions(SAVED), Progress())
    episode = shows[0].episodes[1]
    player.stop(player.play(episode), 1200)
    assert player.play(episode).start_s == 1200


def test_episode_shorter_than_intro_starts_at_zero(shows):
    player = Player(load_subscriptions(SAVED), Progress())
    assert player.play(shows[0].episodes[2]).start_s == 0


# --- behaviour that already works and must keep working --------------------

def test_show_without_setting_starts_at_zero_and_resumes(shows):
    player = Player([Subscription(GARDEN, "Garden Hour"), Subscription(HISTORY, "Past Times")],
                    Progress())
    episode = shows[1].episodes[0]
    assert player.play(episode).start_s == 0
    player.stop(player.play(episode), 610)
    assert player.play(episode).start_s == 610
    assert player.remaining_minutes(episode) == 30


def test_old_file_round_trip_keeps_other_settings():
    subs = load_subscriptions('[{"feed_url": "https://a.example/feed", "speed": 2}]')
    again = load_subscriptions(dump_subscriptions(subs))
    assert [(s.feed_url, s.title, s.speed, s.auto_download) for s in again] == [
        ("https://a.example/feed", "https://a.example/feed", 2.0, True)]


def test_speed_still_checked():
    with pytest.raises(ValueError, match="speed must be between 0.5 and 3.0, got 0.25"):
        Subscription(GARDEN, "Garden Hour", speed=0.25)


def test_progress_and_queue_unaffected_by_playing(shows):
    progress = Progress()
    player = Player([Subscription(GARDEN, "Garden Hour"), Subscription(HISTORY, "Past Times")],
                    progress)
    player.play(shows[0].episodes[0])
    assert progress.resume_position(shows[0].episodes[0]) == 0
    assert progress.in_progress(shows[0].episodes) == []
    assert [e.guid for e in up_next(shows, progress, limit=2)] == ["g3", "h2"]
    assert listening_backlog_s(shows, progress) == 3300 + 3000 + 45 + 2400 + 2700
