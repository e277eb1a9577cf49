import pytest

from orchard.grading import grade_factor, normalise_grade
from orchard.layout import gaps, initials, plan
from orchard.pricing import price_per_kg, value
from orchard.trees import Tree

from tests.sample import TREES


def test_bearing_depends_on_rootstock():
    assert Tree("X", 1, 1, "Cox", 2021, rootstock="M9").bearing(2023)
    assert not Tree("X", 1, 1, "Cox", 2021, rootstock="MM106").bearing(2023)


def test_grade_spellings():
    assert normalise_grade("Class I") == "I"
    assert normalise_grade("2") == "II"
    assert normalise_grade("JUICE") == "juice"
    with pytest.raises(ValueError):
        normalise_grade("III")
    assert grade_factor("extra") == 1.0


def test_prices():
    assert price_per_kg("Cox", "I") == 1.28
    assert value("Medlar", "extra", 10) == 10.0


def test_layout():
    assert initials("Egremont Russet") == "ER"
    assert plan(TREES).splitlines() == [" 1 BR CO ..", " 2 CO .. ER"]
    assert gaps(TREES) == [(1, 3), (2, 2)]
