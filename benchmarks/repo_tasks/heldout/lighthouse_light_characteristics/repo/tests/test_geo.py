import pytest

from lighthouse.geo import bearing_deg, compass_point, distance_nm
from lighthouse.visibility import geographic_range_nm, horizon_nm, visible_range_nm


def test_one_degree_of_latitude_is_sixty_miles():
    assert distance_nm(50, -5, 51, -5) == pytest.approx(60.0, abs=0.1)


def test_bearing_east():
    assert bearing_deg(50, -5, 50, -4) == pytest.approx(89.6, abs=0.1)
    assert compass_point(89.6) == "E"
    assert compass_point(350) == "N"
    assert compass_point(200) == "S"


def test_geographic_range():
    assert geographic_range_nm(70) == 20.3
    assert geographic_range_nm(10, eye_height_m=2) == 9.5
    with pytest.raises(ValueError):
        horizon_nm(-1)


def test_visible_range_is_the_lesser():
    assert visible_range_nm(70, 26) == 20.3
    assert visible_range_nm(70, 12) == 12
