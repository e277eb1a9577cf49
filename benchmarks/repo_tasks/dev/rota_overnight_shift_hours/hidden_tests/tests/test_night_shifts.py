from rota.models import Employee, Shift
from rota.report import hours_by_day, render_summary, weekly_hours
from rota.roster import Roster
from rota.rules import check_roster

SAM = Employee("Sam", "barista", 20)
ALEX = Employee("Alex", "cook", 40)


def test_night_shift_counts_hours_worked():
    roster = Roster([Shift(SAM, "Fri", "22:00", "06:00")])
    assert weekly_hours(roster) == {"Sam": 8.0}


def test_night_shift_adds_to_week_total():
    roster = Roster([
        Shift(SAM, "Mon", "09:00", "17:00"),
        Shift(SAM, "Fri", "22:00", "06:30"),
        Shift(ALEX, "Tue", "10:00", "18:00"),
    ])
    assert weekly_hours(roster) == {"Sam": 16.5, "Alex": 8.0}
    assert hours_by_day(roster, SAM)["Fri"] == 8.5
    lines = render_summary(roster).splitlines()
    assert "Sam         barista        2    16.5" in lines
    assert lines[-1] == "Total                           24.5"


def test_night_shifts_count_towards_maximum():
    roster = Roster([Shift(SAM, "Mon", "22:00", "06:00"), Shift(SAM, "Wed", "22:00", "10:00")])
    assert "Sam is planned 20h (max 20h)" not in check_roster(roster)
    roster.add(Shift(SAM, "Fri", "23:00", "01:00"))
    assert check_roster(roster) == ["Sam is planned 22h (max 20h)"]
