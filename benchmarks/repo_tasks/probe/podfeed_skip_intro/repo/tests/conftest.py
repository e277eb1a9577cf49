from datetime import date

import pytest

from podfeed.episodes import Episode
from podfeed.feed import Show

GARDEN = "https://example.org/garden.xml"
HISTORY = "https://example.org/history.xml"


def ep(feed, guid, day, duration):
    return Episode(feed, guid, f"Episode {guid}", date(2024, 5, day), duration)


@pytest.fixture
def shows():
    return [
        Show(GARDEN, "Garden Hour", "Kim", [ep(GARDEN, "g3", 20, 3300), ep(GARDEN, "g2", 13, 3000),
                                            ep(GARDEN, "g1", 6, 45)]),
        Show(HISTORY, "Past Times", "Lee", [ep(HISTORY, "h2", 17, 2400), ep(HISTORY, "h1", 10, 2700)]),
    ]
