import pytest

from cragbook.grades import grade_index, harder, to_yds
from cragbook.routes import Route


def test_french_order():
    assert harder("7a", "6c+", "french")
    assert not harder("6a", "6a+", "french")


def test_font_is_upper_case():
    assert grade_index("7a", "font") == grade_index("7A", "font")


def test_unknown_grade():
    with pytest.raises(ValueError):
        grade_index("6d", "french")


def test_yds():
    assert to_yds("6B+") == "5.10d"


def test_route_normalises_grade():
    assert Route("Pebble", "Bleau", "6b", "boulder").grade == "6B"
    with pytest.raises(ValueError):
        Route("Pebble", "Bleau", "6b", "aid")
