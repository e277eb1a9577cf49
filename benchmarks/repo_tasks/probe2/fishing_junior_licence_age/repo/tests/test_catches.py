from datetime import date

import pytest

from anglerpermit.anglers import Angler
from anglerpermit.catches import Catch, CatchReturns
from anglerpermit.licences import LicenceDesk
from anglerpermit.waters import WATERS

JO = Angler("Jo Marsh", date(1980, 1, 5), "HR1 2AA")


def test_seasons():
    assert WATERS["Mill Pool"].in_season(date(2024, 1, 10))
    assert not WATERS["Mill Pool"].in_season(date(2024, 4, 10))
    assert WATERS["Upper Beat"].in_season(date(2024, 4, 10))


def test_catch_returns():
    desk = LicenceDesk()
    desk.issue(JO, "adult", date(2024, 4, 1))
    returns = CatchReturns(desk)
    returns.record(Catch(JO, "Upper Beat", "grayling", date(2024, 5, 1)))
    returns.record(Catch(JO, "Upper Beat", "brown trout", date(2024, 5, 1), released=False))
    returns.record(Catch(JO, "Mill Pool", "chub", date(2024, 7, 1)))
    assert returns.totals() == {"Mill Pool": {"chub": 1},
                                "Upper Beat": {"grayling": 1, "brown trout": 1}}
    assert returns.kept() == 1


def test_illegal_catches_refused():
    desk = LicenceDesk()
    returns = CatchReturns(desk)
    with pytest.raises(ValueError, match="had no licence"):
        returns.record(Catch(JO, "Upper Beat", "grayling", date(2024, 5, 1)))
    desk.issue(JO, "adult", date(2024, 4, 1))
    with pytest.raises(ValueError, match="closed"):
        returns.record(Catch(JO, "Mill Pool", "chub", date(2024, 4, 20)))
    with pytest.raises(ValueError, match="junior licence holders only"):
        returns.record(Catch(JO, "Kids' Pond", "roach", date(2024, 5, 1)))
