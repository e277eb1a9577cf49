"""Small 2-D geometry library."""

EPSILON = 1e-9
