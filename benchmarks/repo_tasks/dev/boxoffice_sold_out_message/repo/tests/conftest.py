from datetime import date

import pytest

from boxoffice.booking import BookingService
from boxoffice.shows import Show
from boxoffice.venue import Venue


@pytest.fixture
def hamlet():
    return Show("Hamlet", Venue("Playhouse", {"Stalls": 10, "Circle": 4}), date(2024, 9, 14))


@pytest.fixture
def desk():
    return BookingService()
