import pytest

from rota.models import Employee, Shift
from rota.report import hours_by_day, render_summary, weekly_hours
from rota.roster import Roster
from rota.rules import check_roster

SAM = Employee("Sam", "barista", 20)
ALEX = Employee("Alex", "cook", 40)


def test_overlapping_shift_rejected():
    roster = Roster([Shift(SAM, "Mon", "07:00", "12:00")])
    with pytest.raises(ValueError):
        roster.add(Shift(SAM, "Mon", "11:00", "15:00"))


def test_other_employee_may_overlap():
    roster = Roster([Shift(SAM, "Mon", "07:00", "12:00")])
    roster.add(Shift(ALEX, "Mon", "07:00", "12:00"))
    assert len(roster) == 2


def test_weekly_hours():
    roster = Roster([
        Shift(SAM, "Mon", "07:00", "12:00"),
        Shift(SAM, "Tue", "07:00", "11:30"),
        Shift(ALEX, "Mon", "10:00", "18:00"),
    ])
    assert weekly_hours(roster) == {"Sam": 9.5, "Alex": 8.0}
    assert hours_by_day(roster, SAM)["Tue"] == 4.5


def test_summary_table():
    roster = Roster([Shift(SAM, "Mon", "07:00", "12:00"), Shift(ALEX, "Mon", "10:00", "18:00")])
    assert render_summary(roster).splitlines() == [
        "Name        Role      Shifts   Hours",
        "Alex        cook           1     8.0",
        "Sam         barista        1     5.0",
        "Total                           13.0",
    ]


def test_over_hours_rule():
    roster = Roster([Shift(SAM, d, "08:00", "16:00") for d in ("Mon", "Tue", "Wed")])
    assert check_roster(roster) == ["Sam is planned 24h (max 20h)"]


def test_short_rest_rule():
    roster = Roster([Shift(ALEX, "Mon", "14:00", "22:00"), Shift(ALEX, "Tue", "06:00", "12:00")])
    assert check_roster(roster) == ["Alex rests only 8h00 before Tue 06:00"]


def test_unknown_day():
    with pytest.raises(ValueError):
        Shift(SAM, "Funday", "08:00", "10:00")
