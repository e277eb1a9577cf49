"""2-D vectors (also used for points)."""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Vec2:
    x: float
    y: float

    @classmethod
    def of(cls, value) -> "Vec2":
        """Accept a Vec2 or an ``(x, y)`` pair."""
        if isinstance(value, Vec2):
            return value
        x, y = value
        return cls(float(x), float(y))

    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec2(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec2(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec2(-self.x, -self.y)

    def dot(self, other) -> float:
        return self.x * other.x + self.y * other.y

    def cross(self, other) -> float:
        """z component of the 3-D cross product."""
        return self.x * other.y - self.y * other.x

    def length(self) -> float:
        return math.hypot(self.x, self.y)

    def distance_to(self, other) -> float:
        return (self - other).length()

    def normalized(self) -> "Vec2":
        n = self.length()
        if n == 0:
            raise ValueError("cannot normalise the zero vector")
        return Vec2(self.x / n, self.y / n)

    def rotated(self, degrees: float) -> "Vec2":
        a = math.radians(degrees)
        c, s = math.cos(a), math.sin(a)
        return Vec2(self.x * c - self.y * s, self.x * s + self.y * c)

    def almost_equals(self, other, eps=1e-9) -> bool:
        return abs(self.x - other.x) <= eps and abs(self.y - other.y) <= eps
