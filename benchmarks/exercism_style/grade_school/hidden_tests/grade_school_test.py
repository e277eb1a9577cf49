import unittest

from grade_school import School


class GradeSchoolTest(unittest.TestCase):
    def test_roster_is_empty_when_no_student_is_added(self):
        school = School()
        self.assertEqual(school.roster(), [])

    def test_add_a_student(self):
        school = School()
        school.add_student(name="Aimee", grade=2)
        self.assertEqual(school.added(), [True])
        self.assertEqual(school.roster(), ["Aimee"])

    def test_add_multiple_students_in_the_same_grade(self):
        school = School()
        school.add_student(name="Blair", grade=2)
        school.add_student(name="James", grade=2)
        school.add_student(name="Paul", grade=2)
        self.assertEqual(school.added(), [True, True, True])
        self.assertEqual(school.roster(), ["Blair", "James", "Paul"])

    def test_cannot_add_student_to_same_grade_twice(self):
        school = School()
        school.add_student(name="Blair", grade=2)
        school.add_student(name="James", grade=2)
        school.add_student(name="James", grade=2)
        school.add_student(name="Paul", grade=2)
        self.assertEqual(school.added(), [True, True, False, True])
        self.assertEqual(school.roster(), ["Blair", "James", "Paul"])

    def test_cannot_add_student_to_another_grade(self):
        school = School()
        school.add_student(name="Aimee", grade=2)
        school.add_student(name="Aimee", grade=1)
        self.assertEqual(school.added(), [True, False])
        self.assertEqual(school.grade(2), ["Aimee"])
        self.assertEqual(school.grade(1), [])

    def test_students_in_multiple_grades(self):
        school = School()
        school.add_student(name="Chelsea", grade=3)
        school.add_student(name="Logan", grade=7)
        self.assertEqual(school.added(), [True, True])
        self.assertEqual(school.roster(), ["Chelsea", "Logan"])

    def test_roster_is_sorted_by_grade_then_name(self):
        school = School()
        school.add_student(name="Peter", grade=2)
        school.add_student(name="Anna", grade=1)
        school.add_student(name="Barb", grade=1)
        school.add_student(name="Zoe", grade=2)
        school.add_student(name="Alex", grade=2)
        school.add_student(name="Jim", grade=3)
        school.add_student(name="Charlie", grade=1)
        self.assertEqual(
            school.roster(),
            ["Anna", "Barb", "Charlie", "Alex", "Peter", "Zoe", "Jim"],
        )

    def test_grades_sort_by_number(self):
        school = School()
        school.add_student(name="Zed", grade=10)
        school.add_student(name="Amy", grade=9)
        school.add_student(name="Bob", grade=1)
        self.assertEqual(school.roster(), ["Bob", "Amy", "Zed"])

    def test_duplicate_in_another_grade_keeps_first_enrollment(self):
        school = School()
        school.add_student(name="Jim", grade=3)
        school.add_student(name="Anna", grade=1)
        school.add_student(name="Bea", grade=3)
        school.add_student(name="Jim", grade=2)
        self.assertEqual(school.added(), [True, True, True, False])
        self.assertEqual(school.roster(), ["Anna", "Bea", "Jim"])
        self.assertEqual(school.grade(3), ["Bea", "Jim"])

    def test_grade_is_empty_if_no_students_in_that_grade(self):
        school = School()
        school.add_student(name="Peter", grade=2)
        self.assertEqual(school.grade(1), [])

    def test_grade_is_empty_for_empty_school(self):
        self.assertEqual(School().grade(1), [])

    def test_students_are_sorted_by_name_in_a_grade(self):
        school = School()
        school.add_student(name="Franklin", grade=5)
        school.add_student(name="Bradley", grade=5)
        school.add_student(name="Jeff", grade=1)
        self.assertEqual(school.grade(5), ["Bradley", "Franklin"])

    def test_added_is_empty_for_new_school(self):
        self.assertEqual(School().added(), [])

    def test_returned_lists_do_not_change_the_school(self):
        school = School()
        school.add_student(name="Kim", grade=4)
        school.grade(4).append("Intruder")
        school.roster().append("Intruder")
        school.added().append(False)
        self.assertEqual(school.grade(4), ["Kim"])
        self.assertEqual(school.roster(), ["Kim"])
        self.assertEqual(school.added(), [True])
