"""Polygons and circles."""

import math

from .bbox import BBox
from .intersect import segments_intersect
from .vector import Vec2


class Polygon:
    """A simple polygon given by its vertices in order (either orientation)."""

    def __init__(self, vertices):
        self.vertices = tuple(Vec2.of(v) for v in vertices)
        if len(self.vertices) < 3:
            raise ValueError("a polygon needs at least three vertices")

    def __len__(self):
        return len(self.vertices)

    def __eq__(self, other):
        return isinstance(other, Polygon) and self.vertices == other.vertices

    def __repr__(self):
        pts = ", ".join(f"({v.x:g}, {v.y:g})" for v in self.vertices)
        return f"Polygon([{pts}])"

    def edges(self):
        """Pairs of consecutive vertices, closing the loop."""
        n = len(self.vertices)
        return [(self.vertices[i], self.vertices[(i + 1) % n]) for i in range(n)]

    def bbox(self) -> BBox:
        return BBox.from_points(self.vertices)

    def transformed(self, affine) -> "Polygon":
        return Polygon(affine.apply(v) for v in self.vertices)

    def translated(self, dx, dy) -> "Polygon":
        return Polygon(v + Vec2(dx, dy) for v in self.vertices)

    def is_self_intersecting(self) -> bool:
        """True if two non-adjacent edges touch or cross."""
        edges = self.edges()
        n = len(edges)
        for i in range(n):
            for j in range(i + 1, n):
                if j == i + 1 or (i == 0 and j == n - 1):
                    continue
                if segments_intersect(*edges[i], *edges[j]):
                    return True
        return False

    def contains(self, point) -> bool:
        """Even-odd rule point-in-polygon test (points on edges may go either way)."""
        p = Vec2.of(point)
        inside = False
        for a, b in self.edges():
            if (a.y > p.y) != (b.y > p.y):
                x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)
                if p.x < x:
                    inside = not inside
        return inside


class Circle:
    def __init__(self, center, radius):
        if radius <= 0:
            raise ValueError("radius must be positive")
        self.center = Vec2.of(center)
        self.radius = float(radius)

    def area(self) -> float:
        return math.pi * self.radius ** 2

    def perimeter(self) -> float:
        return 2 * math.pi * self.radius

    def bbox(self) -> BBox:
        r = self.radius
        return BBox(self.center.x - r, self.center.y - r, self.center.x + r, self.center.y + r)

    def contains(self, point) -> bool:
        return self.center.distance_to(Vec2.of(point)) <= self.radius
