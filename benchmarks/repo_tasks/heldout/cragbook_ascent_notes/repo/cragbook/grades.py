"""Climbing grade scales and conversions.

Routes use the French sport scale, boulder problems use the Fontainebleau
scale. Both are ordered lists, so comparing grades means comparing indexes.
"""
from __future__ import annotations

FRENCH = (
    "4", "4+", "5a", "5b", "5c", "6a", "6a+", "6b", "6b+", "6c", "6c+",
    "7a", "7a+", "7b", "7b+", "7c", "7c+", "8a", "8a+", "8b", "8b+", "8c", "8c+", "9a",
)
FONT = (
    "3", "4", "4+", "5", "5+", "6A", "6A+", "6B", "6B+", "6C", "6C+",
    "7A", "7A+", "7B", "7B+", "7C", "7C+", "8A", "8A+", "8B", "8B+", "8C",
)
# Approximate equivalents for climbers who think in US grades.
FRENCH_TO_YDS = {
    "5a": "5.7", "5b": "5.8", "5c": "5.9", "6a": "5.10a", "6a+": "5.10b", "6b": "5.10c",
    "6b+": "5.10d", "6c": "5.11a", "6c+": "5.11c", "7a": "5.11d", "7a+": "5.12a",
    "7b": "5.12b", "7b+": "5.12c", "7c": "5.12d", "7c+": "5.13a", "8a": "5.13b",
}
SCALES = {"french": FRENCH, "font": FONT}


def normalise(grade: str, scale: str) -> str:
    """Canonical spelling of a grade: lower case for French, upper for Font."""
    grade = grade.strip()
    return grade.upper() if scale == "font" else grade.lower()


def grade_index(grade: str, scale: str) -> int:
    """Position of the grade on its scale; higher is harder."""
    try:
        return SCALES[scale].index(normalise(grade, scale))
    except ValueError:
        raise ValueError(f"unknown {scale} grade: {grade!r}") from None


def harder(a: str, b: str, scale: str) -> bool:
    return grade_index(a, scale) > grade_index(b, scale)


def to_yds(grade: str) -> str:
    """US equivalent of a French grade."""
    grade = normalise(grade, "french")
    if grade not in FRENCH_TO_YDS:
        raise ValueError(f"no YDS equivalent for {grade!r}")
    return FRENCH_TO_YDS[grade]
