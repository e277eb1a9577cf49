"""Affine transforms of the plane."""

import math
from dataclasses import dataclass

from .vector import Vec2


@dataclass(frozen=True)
class Affine:
    """The transform ``(x, y) -> (a*x + b*y + c, d*x + e*y + f)``."""

    a: float = 1.0
    b: float = 0.0
    c: float = 0.0
    d: float = 0.0
    e: float = 1.0
    f: float = 0.0

    @classmethod
    def identity(cls):
        return cls()

    @classmethod
    def translation(cls, dx, dy):
        return cls(c=dx, f=dy)

    @classmethod
    def scaling(cls, sx, sy=None):
        return cls(a=sx, e=sx if sy is None else sy)

    @classmethod
    def rotation(cls, degrees):
        """Counter-clockwise rotation about the origin."""
        r = math.radians(degrees)
        cos, sin = math.cos(r), math.sin(r)
        return cls(a=cos, b=-sin, d=sin, e=cos)

    def __matmul__(self, other: "Affine") -> "Affine":
        """``(self @ other)`` applies *other* first, then *self*."""
        return Affine(
            self.a * other.a + self.b * other.d,
            self.a * other.b + self.b * other.e,
            self.a * other.c + self.b * other.f + self.c,
            self.d * other.a + self.e * other.d,
            self.d * other.b + self.e * other.e,
            self.d * other.c + self.e * other.f + self.f,
        )

    def determinant(self) -> float:
        return self.a * self.e - self.b * self.d

    def apply(self, point) -> Vec2:
        p = Vec2.of(point)
        return Vec2(self.a * p.x + self.b * p.y + self.c, self.d * p.x + self.e * p.y + self.f)

    def inverse(self) -> "Affine":
        det = self.determinant()
        if abs(det) < 1e-12:
            raise ValueError("transform is not invertible")
        a, b, d, e = self.e / det, -self.b / det, -self.d / det, self.a / det
        return Affine(a, b, -(a * self.c + b * self.f), d, e, -(d * self.c + e * self.f))
