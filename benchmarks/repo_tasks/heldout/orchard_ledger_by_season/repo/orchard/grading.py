"""Fruit quality classes."""
from __future__ import annotations

# Share of the top-grade price each class fetches.
GRADE_FACTORS = {
    "extra": 1.0,
    "I": 0.8,
    "II": 0.55,
    "juice": 0.15,
}
_SPELLINGS = {"1": "I", "i": "I", "class i": "I", "2": "II", "ii": "II", "class ii": "II"}


def normalise_grade(grade: str) -> str:
    """Accept the spellings pickers write on crate tickets."""
    text = grade.strip()
    text = _SPELLINGS.get(text.lower(), text)
    if text.lower() in ("extra", "juice"):
        text = text.lower()
    if text not in GRADE_FACTORS:
        raise ValueError(f"unknown grade: {grade!r}")
    return text


def grade_factor(grade: str) -> float:
    return GRADE_FACTORS[normalise_grade(grade)]
