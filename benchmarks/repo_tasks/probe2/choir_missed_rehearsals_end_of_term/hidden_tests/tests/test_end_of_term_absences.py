from datetime import date

from choirreg.calendar import term_rehearsals
from choirreg.members import parse_roster
from choirreg.register import Register
from choirreg.reports import needs_a_call, term_report
from choirreg.stats import attendance_rate, longest_absence_run

DATES = term_rehearsals(date(2024, 1, 9), date(2024, 3, 19), skip=[date(2024, 2, 13)])
JAN_RUN = (date(2024, 1, 16), date(2024, 1, 23), date(2024, 1, 30))
MARCH_RUN = (date(2024, 3, 5), date(2024, 3, 12), date(2024, 3, 19))


def make_register():
    """Jane misses the last three of term, Tom three in January, Amy never misses."""
    register = Register(parse_roster("Jane Ellis, alto\nTom Reyes, bass\nAmy Cho, soprano"),
                        DATES)
    for day in DATES:
        register.mark(day, "Amy Cho", "present")
        if day not in JAN_RUN:
            register.mark(day, "Tom Reyes", "present")
        if day not in MARCH_RUN:
            register.mark(day, "Jane Ellis", "present")
    return register


# --- the reported problem ------------------------------------------------------

def test_absences_at_end_of_term_are_counted():
    assert needs_a_call(make_register()) == ["Jane Ellis", "Tom Reyes"]


def test_run_still_going_at_the_cut_off_date():
    register = make_register()
    assert needs_a_call(register, until=date(2024, 1, 30)) == ["Tom Reyes"]
    assert needs_a_call(register, until=date(2024, 3, 12)) == ["Tom Reyes"]


def test_trailing_runs():
    assert longest_absence_run(["present", "absent", "absent", "absent"]) == 3
    assert longest_absence_run(["absent"] * 4) == 4
    assert longest_absence_run(["present", "absent", "excused", "absent"]) == 2
    assert longest_absence_run(["absent", "present", "absent", "absent"]) == 2


# --- behaviour that already works and must keep working ------------------------

def test_mid_term_runs_unchanged():
    assert longest_absence_run(["present", "absent", "absent", "present"]) == 2
    assert longest_absence_run(["absent", "absent", "present", "absent", "present"]) == 2
    assert longest_absence_run(["absent", "absent", "absent", "present", "present"]) == 3


def test_excused_neither_breaks_nor_extends():
    assert longest_absence_run(["absent", "excused", "absent", "present"]) == 2
    assert longest_absence_run(["excused", "excused", "present"]) == 0
    assert longest_absence_run([]) == 0


def test_two_missed_at_end_is_not_enough():
    register = make_register()
    register.mark(date(2024, 3, 5), "Jane Ellis", "present")
    assert needs_a_call(register) == ["Tom Reyes"]


def test_cancelled_rehearsal_does_not_break_a_run():
    register = make_register()
    register.cancel(date(2024, 1, 23))
    assert needs_a_call(register, until=date(2024, 2, 27)) == []
    register.mark(date(2024, 2, 6), "Tom Reyes", "absent")
    assert needs_a_call(register, until=date(2024, 2, 27)) == ["Tom Reyes"]


def test_report_and_rates_unchanged():
    register = make_register()
    assert term_report(register) == [
        "Soprano Amy Cho         10/10  100%",
        "Alto    Jane Ellis       7/10   70%",
        "Bass    Tom Reyes        7/10   70%",
    ]
    assert attendance_rate(["present", "absent", "excused", "present"]) == 2 / 3
