import pytest

from busline.routes import Route


@pytest.fixture
def routes():
    return {
        "4": Route("4", ["Bus Station", "Market Square", "Hospital"], [0, 6, 14]),
        "12": Route("12", ["Bus Station", "Market Square", "Riverside", "Golf Club"], [0, 5, 11, 20]),
    }
