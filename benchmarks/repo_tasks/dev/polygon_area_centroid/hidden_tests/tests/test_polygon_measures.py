import pytest

from planar.matrix import Affine
from planar.shapes import Polygon
from planar.vector import Vec2

SQUARE = Polygon([(0, 0), (2, 0), (2, 2), (0, 2)])
TRIANGLE = Polygon([(0, 0), (4, 0), (0, 3)])
# An L shape: a 4x4 square with its top-right 2x2 quarter removed.
L_SHAPE = Polygon([(0, 0), (4, 0), (4, 2), (2, 2), (2, 4), (0, 4)])


def assert_point(p, x, y):
    assert p.x == pytest.approx(x) and p.y == pytest.approx(y)


def test_area():
    assert SQUARE.area() == pytest.approx(4)
    assert TRIANGLE.area() == pytest.approx(6)
    assert L_SHAPE.area() == pytest.approx(12)


def test_area_is_positive_for_either_orientation():
    clockwise = Polygon(reversed(TRIANGLE.vertices))
    assert clockwise.area() == pytest.approx(6)


def test_perimeter():
    assert SQUARE.perimeter() == pytest.approx(8)
    assert TRIANGLE.perimeter() == pytest.approx(12)
    assert L_SHAPE.perimeter() == pytest.approx(16)


def test_centroid():
    assert_point(SQUARE.centroid(), 1, 1)
    assert_point(TRIANGLE.centroid(), 4 / 3, 1)
    assert_point(L_SHAPE.centroid(), 5 / 3, 5 / 3)
    assert_point(Polygon(reversed(L_SHAPE.vertices)).centroid(), 5 / 3, 5 / 3)


def test_centroid_returns_vec2():
    assert isinstance(TRIANGLE.centroid(), Vec2)


def test_centroid_of_flat_polygon():
    with pytest.raises(ValueError):
        Polygon([(0, 0), (1, 1), (2, 2)]).centroid()


def test_is_clockwise():
    assert not SQUARE.is_clockwise()
    assert Polygon(reversed(SQUARE.vertices)).is_clockwise()


def test_measures_follow_transforms():
    moved = L_SHAPE.transformed(Affine.translation(10, -1) @ Affine.scaling(3))
    assert moved.area() == pytest.approx(108)
    assert moved.perimeter() == pytest.approx(48)
    assert_point(moved.centroid(), 15, 4)
    mirrored = SQUARE.transformed(Affine.scaling(-1, 1))
    assert mirrored.is_clockwise()
    assert mirrored.area() == pytest.approx(4)
