import math

import pytest

from planar.bbox import BBox
from planar.intersect import segments_intersect
from planar.matrix import Affine
from planar.shapes import Circle, Polygon
from planar.vector import Vec2

ROOM = Polygon([(0, 0), (4, 0), (4, 3), (0, 3)])


def test_vector_ops():
    v = Vec2(3, 4)
    assert v.length() == 5
    assert (v + Vec2(1, 1)) == Vec2(4, 5)
    assert v.cross(Vec2(1, 0)) == -4
    assert Vec2(1, 0).rotated(90).almost_equals(Vec2(0, 1))


def test_affine_compose_and_inverse():
    t = Affine.translation(2, 3) @ Affine.scaling(2)
    assert t.apply((1, 1)) == Vec2(4, 5)
    assert t.inverse().apply((4, 5)).almost_equals(Vec2(1, 1))
    with pytest.raises(ValueError):
        Affine.scaling(0).inverse()


def test_bbox():
    box = BBox.from_points([(1, 2), (-1, 5), (3, 0)])
    assert (box.width, box.height, box.area()) == (4, 5, 20)
    assert box.contains((0, 1)) and not box.contains((4, 1))


def test_polygon_bbox_after_rotation():
    rotated = ROOM.transformed(Affine.rotation(90))
    box = rotated.bbox()
    assert box.min_x == pytest.approx(-3) and box.max_y == pytest.approx(4)


def test_polygon_contains():
    assert ROOM.contains((1, 1))
    assert not ROOM.contains((5, 1))


def test_self_intersection():
    bowtie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
    assert bowtie.is_self_intersecting()
    assert not ROOM.is_self_intersecting()
    assert segments_intersect((0, 0), (2, 0), (1, 0), (3, 0))


def test_polygon_needs_three_points():
    with pytest.raises(ValueError):
        Polygon([(0, 0), (1, 1)])


def test_circle():
    c = Circle((0, 0), 2)
    assert c.area() == pytest.approx(4 * math.pi)
    assert c.contains((1, 1)) and not c.contains((2, 2))
