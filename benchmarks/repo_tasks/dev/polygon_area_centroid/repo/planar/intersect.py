"""Segment intersection tests."""

from . import EPSILON
from .vector import Vec2


def orientation(p, q, r) -> int:
    """1 if p, q, r turn counter-clockwise, -1 if clockwise, 0 if collinear."""
    value = (q - p).cross(r - p)
    if abs(value) < EPSILON:
        return 0
    return 1 if value > 0 else -1


def _on_segment(p, q, r) -> bool:
    """True if collinear point q lies on segment pr."""
    return (min(p.x, r.x) - EPSILON <= q.x <= max(p.x, r.x) + EPSILON
            and min(p.y, r.y) - EPSILON <= q.y <= max(p.y, r.y) + EPSILON)


def segments_intersect(p1, p2, q1, q2) -> bool:
    """True if segment p1-p2 touches or crosses segment q1-q2."""
    p1, p2, q1, q2 = (Vec2.of(v) for v in (p1, p2, q1, q2))
    o1, o2 = orientation(p1, p2, q1), orientation(p1, p2, q2)
    o3, o4 = orientation(q1, q2, p1), orientation(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return ((o1 == 0 and _on_segment(p1, q1, p2)) or (o2 == 0 and _on_segment(p1, q2, p2))
            or (o3 == 0 and _on_segment(q1, p1, q2)) or (o4 == 0 and _on_segment(q1, p2, q2)))
