"""Students and class rosters."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Student:
    student_id: str
    first_name: str
    last_name: str

    @property
    def display_name(self) -> str:
        return f"{self.last_name}, {self.first_name}"


class Roster:
    def __init__(self, students=()):
        self._students = {}
        for s in students:
            self.add(s)

    def add(self, student: Student) -> None:
        if student.student_id in self._students:
            raise ValueError(f"duplicate student id {student.student_id}")
        self._students[student.student_id] = student

    def get(self, student_id: str) -> Student:
        return self._students[student_id]

    def __iter__(self):
        return iter(sorted(self._students.values(),
                           key=lambda s: (s.last_name.lower(), s.first_name.lower())))

    def __len__(self):
        return len(self._students)
