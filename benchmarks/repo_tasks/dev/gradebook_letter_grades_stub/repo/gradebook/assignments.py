"""Assignments and the weighted categories they belong to."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Assignment:
    name: str
    category: str
    max_points: float

    def __post_init__(self):
        if self.max_points <= 0:
            raise ValueError("max_points must be positive")


class Syllabus:
    """Category weights (e.g. homework 0.3, exams 0.7) and the assignments."""

    def __init__(self, weights: dict):
        total = sum(weights.values())
        if abs(total - 1.0) > 1e-9:
            raise ValueError(f"category weights must add up to 1, got {total:g}")
        self.weights = dict(weights)
        self.assignments = {}

    def add(self, assignment: Assignment) -> Assignment:
        if assignment.category not in self.weights:
            raise ValueError(f"unknown category {assignment.category!r}")
        self.assignments[assignment.name] = assignment
        return assignment

    def in_category(self, category: str):
        return [a for a in self.assignments.values() if a.category == category]
