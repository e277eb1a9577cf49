"""Recording scores and computing weighted averages."""


class ScoreSheet:
    def __init__(self, syllabus):
        self.syllabus = syllabus
        self._points = {}  # (student_id, assignment name) -> points

    def record(self, student, assignment_name: str, points: float) -> None:
        assignment = self.syllabus.assignments[assignment_name]
        if not 0 <= points <= assignment.max_points:
            raise ValueError(f"points must be between 0 and {assignment.max_points:g}")
        self._points[(student.student_id, assignment_name)] = points

    def category_percent(self, student, category: str):
        """Percentage earned in *category*, or None if nothing is graded yet."""
        earned = possible = 0.0
        for a in self.syllabus.in_category(category):
            key = (student.student_id, a.name)
            if key in self._points:
                earned += self._points[key]
                possible += a.max_points
        return None if possible == 0 else 100 * earned / possible

    def weighted_percent(self, student):
        """Weighted average over the categories that have grades, or None."""
        total = weight_used = 0.0
        for category, weight in self.syllabus.weights.items():
            pct = self.category_percent(student, category)
            if pct is not None:
                total += pct * weight
                weight_used += weight
        return None if weight_used == 0 else round(total / weight_used, 2)
