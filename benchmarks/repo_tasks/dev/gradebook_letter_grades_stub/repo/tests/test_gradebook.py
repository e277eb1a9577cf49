import pytest

from gradebook.assignments import Assignment, Syllabus
from gradebook.roster_io import read_roster, write_roster
from gradebook.scores import ScoreSheet
from gradebook.students import Roster, Student

ADA = Student("s1", "Ada", "Lovelace")
ALAN = Student("s2", "Alan", "Turing")


@pytest.fixture
def sheet():
    syl = Syllabus({"homework": 0.4, "exams": 0.6})
    syl.add(Assignment("hw1", "homework", 10))
    syl.add(Assignment("hw2", "homework", 20))
    syl.add(Assignment("midterm", "exams", 100))
    return ScoreSheet(syl)


def test_weights_must_add_up():
    with pytest.raises(ValueError):
        Syllabus({"homework": 0.5, "exams": 0.6})


def test_unknown_category():
    with pytest.raises(ValueError):
        Syllabus({"exams": 1.0}).add(Assignment("hw", "homework", 5))


def test_category_percent(sheet):
    sheet.record(ADA, "hw1", 9)
    sheet.record(ADA, "hw2", 15)
    assert sheet.category_percent(ADA, "homework") == 80
    assert sheet.category_percent(ADA, "exams") is None


def test_weighted_percent(sheet):
    sheet.record(ADA, "hw1", 10)
    sheet.record(ADA, "midterm", 80)
    assert sheet.weighted_percent(ADA) == 88.0
    assert sheet.weighted_percent(ALAN) is None


def test_points_out_of_range(sheet):
    with pytest.raises(ValueError):
        sheet.record(ADA, "hw1", 11)


def test_roster_sorted_and_unique():
    roster = Roster([ALAN, ADA])
    assert [s.display_name for s in roster] == ["Lovelace, Ada", "Turing, Alan"]
    with pytest.raises(ValueError):
        roster.add(Student("s1", "X", "Y"))


def test_roster_csv_round_trip():
    text = "student_id,first_name,last_name\ns2, Alan ,Turing\ns1,Ada,Lovelace\n"
    roster = read_roster(text)
    assert write_roster(roster) == (
        "student_id,first_name,last_name\ns1,Ada,Lovelace\ns2,Alan,Turing\n")
    with pytest.raises(ValueError):
        read_roster("id,name\n1,x\n")
