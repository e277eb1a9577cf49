"""Letter grades, grade points and grade point averages."""


def letter_grade(percent):
    """Return the letter grade for a percentage score."""
    raise NotImplementedError


def grade_points(letter):
    """Return the grade points a letter grade is worth."""
    raise NotImplementedError


def gpa(courses):
    """Return the credit-weighted GPA of ``(letter, credits)`` pairs."""
    raise NotImplementedError


class GradeDistribution:
    """Counts how many times each letter grade was given."""

    def __init__(self):
        """Start with no grades."""
        raise NotImplementedError

    def add(self, letter):
        """Count one more *letter* grade."""
        raise NotImplementedError

    def counts(self):
        """Return a dict of every letter grade to its count, best grade first."""
        raise NotImplementedError

    def most_common(self):
        """Return the letter given most often, or None if there are none."""
        raise NotImplementedError

    def __len__(self):
        """Return the number of grades added."""
        raise NotImplementedError
