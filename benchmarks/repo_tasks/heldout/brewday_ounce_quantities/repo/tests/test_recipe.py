import pytest

from brewday.bitterness import tinseth_ibu
from brewday.colour import describe, srm_to_ebc
from brewday.recipe import Recipe


def make_recipe():
    r = Recipe("Garden Pale", batch_l=20)
    r.add_fermentable("Maris Otter", "4.5 kg", lovibond=3, ppg=37)
    r.add_fermentable("Crystal 60", "0.5 lb", lovibond=60, ppg=34)
    r.add_hop("East Kent Goldings", "40 g", alpha_pct=5.5, minutes=60)
    r.add_hop("East Kent Goldings", "20 g", alpha_pct=5.5, minutes=10)
    return r


def test_gravities():
    r = make_recipe()
    assert r.original_gravity() == 1.052
    assert r.final_gravity() == 1.013


def test_bitterness_and_colour():
    r = make_recipe()
    assert r.ibu() == 29.4
    assert r.srm() == 7.9


def test_summary():
    assert make_recipe().summary() == "Garden Pale: OG 1.052, FG 1.013, ABV 5.1%, 29 IBU, 8 SRM (amber)"


def test_tinseth_single_addition():
    assert tinseth_ibu(10, 28, 60, 20) == 32.3
    assert tinseth_ibu(10, 28, 0, 20) == 0.0
    with pytest.raises(ValueError):
        tinseth_ibu(10, 28, -5, 20)


def test_colour_words():
    assert describe(4) == "gold"
    assert describe(40) == "black"
    assert srm_to_ebc(10) == 19.7
