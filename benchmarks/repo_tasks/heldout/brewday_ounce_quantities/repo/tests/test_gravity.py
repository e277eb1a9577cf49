import pytest

from brewday.gravity import abv, apparent_attenuation, plato_to_sg, points, sg_to_plato


def test_abv_and_attenuation():
    assert abv(1.050, 1.010) == 5.25
    assert apparent_attenuation(1.050, 1.010) == 0.8


def test_fg_above_og_rejected():
    with pytest.raises(ValueError):
        abv(1.010, 1.020)


def test_plato_round_trip():
    assert sg_to_plato(1.048) == 11.9
    assert plato_to_sg(12) == 1.048
    assert points(1.052) == 52.0
