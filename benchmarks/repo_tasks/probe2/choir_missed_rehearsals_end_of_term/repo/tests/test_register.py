from datetime import date

import pytest

from choirreg.calendar import describe, term_rehearsals
from choirreg.members import Member, parse_roster
from choirreg.register import Register

DATES = term_rehearsals(date(2024, 1, 9), date(2024, 3, 19), skip=[date(2024, 2, 13)])


def test_roster():
    members = parse_roster("Tom  Reyes, B\n\nJane Ellis, alto\nAmy Cho, Sop\n")
    assert members == [Member("Amy Cho", "soprano"), Member("Jane Ellis", "alto"),
                       Member("Tom Reyes", "bass")]
    with pytest.raises(ValueError, match="unknown voice part 'baritone'"):
        parse_roster("Ed Ward, baritone")
    with pytest.raises(ValueError, match="listed twice: Amy Cho"):
        parse_roster("Amy Cho, s\nAmy Cho, a")


def test_calendar():
    assert len(DATES) == 10
    assert date(2024, 2, 13) not in DATES
    assert DATES[-1] == date(2024, 3, 19)
    assert describe(DATES[0]) == "Tue 9 Jan"


def test_marks_and_history():
    register = Register(parse_roster("Jane Ellis, alto"), DATES)
    register.mark(date(2024, 1, 9), "Jane Ellis", "present")
    register.mark(date(2024, 1, 16), "Jane Ellis", "excused")
    assert register.history("Jane Ellis", until=date(2024, 1, 23)) == [
        "present", "excused", "absent"]
    with pytest.raises(KeyError):
        register.mark(date(2024, 2, 13), "Jane Ellis", "present")
    with pytest.raises(ValueError):
        register.mark(date(2024, 1, 9), "Jane Ellis", "late")


def test_cancelled_rehearsal():
    register = Register(parse_roster("Jane Ellis, alto"), DATES)
    register.mark(date(2024, 1, 9), "Jane Ellis", "present")
    register.cancel(date(2024, 1, 9))
    assert len(register.held()) == 9
    assert register.history("Jane Ellis", until=date(2024, 1, 16)) == ["absent"]
    with pytest.raises(ValueError):
        register.mark(date(2024, 1, 9), "Jane Ellis", "present")
