"""Axis-aligned bounding boxes."""

from dataclasses import dataclass

from .vector import Vec2


@dataclass(frozen=True)
class BBox:
    min_x: float
    min_y: float
    max_x: float
    max_y: float

    @classmethod
    def from_points(cls, points) -> "BBox":
        pts = [Vec2.of(p) for p in points]
        if not pts:
            raise ValueError("no points")
        xs = [p.x for p in pts]
        ys = [p.y for p in pts]
        return cls(min(xs), min(ys), max(xs), max(ys))

    @property
    def width(self) -> float:
        return self.max_x - self.min_x

    @property
    def height(self) -> float:
        return self.max_y - self.min_y

    def area(self) -> float:
        return self.width * self.height

    def center(self) -> Vec2:
        return Vec2((self.min_x + self.max_x) / 2, (self.min_y + self.max_y) / 2)

    def contains(self, point) -> bool:
        p = Vec2.of(point)
        return self.min_x <= p.x <= self.max_x and self.min_y <= p.y <= self.max_y

    def union(self, other: "BBox") -> "BBox":
        return BBox(min(self.min_x, other.min_x), min(self.min_y, other.min_y),
                    max(self.max_x, other.max_x), max(self.max_y, other.max_y))
