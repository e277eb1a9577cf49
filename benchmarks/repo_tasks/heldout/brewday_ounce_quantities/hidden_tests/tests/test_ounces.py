import pytest

from brewday.recipe import Recipe
from brewday.units import parse_quantity

OZ = 28.349523125
LB = 453.59237


def test_ounces():
    assert parse_quantity("2 oz") == pytest.approx(2 * OZ, abs=0.01)
    assert parse_quantity("0.5oz") == pytest.approx(0.5 * OZ, abs=0.01)
    assert parse_quantity("1.25 OZ") == pytest.approx(1.25 * OZ, abs=0.01)


def test_pounds_and_ounces():
    assert parse_quantity("1 lb 4 oz") == pytest.approx(LB + 4 * OZ, abs=0.01)
    assert parse_quantity("3 lbs 2 oz") == pytest.approx(3 * LB + 2 * OZ, abs=0.01)
    assert parse_quantity("1lb 8oz") == pytest.approx(LB + 8 * OZ, abs=0.01)


def test_existing_units_unchanged():
    assert parse_quantity("4.5 kg") == pytest.approx(4500.0)
    assert parse_quantity("1.5 lb") == pytest.approx(1.5 * LB)
    with pytest.raises(ValueError):
        parse_quantity("3 cups")


def test_recipe_accepts_ounces():
    r = Recipe("Cascade APA", batch_l=20)
    hop = r.add_hop("Cascade", "1 oz", alpha_pct=7.0, minutes=15)
    grain = r.add_fermentable("Crystal 40", "1 lb 4 oz", lovibond=40, ppg=34)
    assert hop.grams == pytest.approx(OZ, abs=0.01)
    assert grain.grams == pytest.approx(LB + 4 * OZ, abs=0.01)
