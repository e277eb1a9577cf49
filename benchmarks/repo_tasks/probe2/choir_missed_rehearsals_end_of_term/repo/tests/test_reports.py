from datetime import date

from choirreg.calendar import term_rehearsals
from choirreg.members import parse_roster
from choirreg.register import Register
from choirreg.reports import needs_a_call, part_attendance, term_report
from choirreg.stats import attendance_rate, longest_absence_run

DATES = term_rehearsals(date(2024, 1, 9), date(2024, 3, 19), skip=[date(2024, 2, 13)])


def make_register():
    register = Register(parse_roster("Jane Ellis, alto\nTom Reyes, bass\nAmy Cho, soprano"),
                        DATES)
    for day in DATES:
        register.mark(day, "Amy Cho", "present")
        if day not in (date(2024, 1, 16), date(2024, 1, 23), date(2024, 1, 30)):
            register.mark(day, "Tom Reyes", "present")
        register.mark(day, "Jane Ellis", "present")
    register.mark(date(2024, 1, 16), "Jane Ellis", "absent")
    register.mark(date(2024, 1, 23), "Jane Ellis", "excused")
    register.mark(date(2024, 1, 30), "Jane Ellis", "absent")
    return register


def test_attendance_rate():
    assert attendance_rate(["present", "absent", "excused", "present"]) == 2 / 3
    assert attendance_rate(["excused"]) is None


def test_longest_run_mid_term():
    assert longest_absence_run(["present", "absent", "absent", "present"]) == 2
    assert longest_absence_run(["absent", "excused", "absent", "present"]) == 2


def test_needs_a_call_for_mid_term_absence():
    assert needs_a_call(make_register()) == ["Tom Reyes"]


def test_term_report():
    assert term_report(make_register()) == [
        "Soprano Amy Cho         10/10  100%",
        "Alto    Jane Ellis       7/9    78%",
        "Bass    Tom Reyes        7/10   70%",
    ]


def test_part_attendance():
    assert part_attendance(make_register(), date(2024, 1, 16)) == {"soprano": 1}
    assert part_attendance(make_register(), date(2024, 3, 19)) == {
        "soprano": 1, "alto": 1, "bass": 1}
