from conftest import GARDEN, HISTORY
from podfeed.player import Player
from podfeed.progress import Progress
from podfeed.queue import listening_backlog_s, up_next
from podfeed.subscriptions import Subscription


def make_player():
    subs = [Subscription(GARDEN, "Garden Hour", speed=1.5), Subscription(HISTORY, "Past Times")]
    return Player(subs, Progress())


def test_new_episode_starts_at_zero(shows):
    player = make_player()
    session = player.play(shows[0].episodes[0])
    assert (session.start_s, session.speed) == (0, 1.5)


def test_resume_where_stopped(shows):
    player = make_player()
    episode = shows[1].episodes[0]
    player.stop(player.play(episode), 610)
    assert player.play(episode).start_s == 610
    assert player.remaining_minutes(episode) == 30


def test_stopping_near_the_end_marks_played(shows):
    player = make_player()
    episode = shows[1].episodes[1]
    player.stop(player.play(episode), 2680)
    assert player.progress.is_played(episode)
    assert player.play(episode).start_s == 0


def test_up_next(shows):
    progress = Progress()
    progress.record(shows[1].episodes[1], 300)
    progress.mark_played(shows[0].episodes[0])
    assert [e.guid for e in up_next(shows, progress, limit=3)] == ["h1", "h2", "g2"]
    assert listening_backlog_s(shows, progress) == 3000 + 45 + 2400 + 2400
