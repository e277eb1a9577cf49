import pytest

from brewday.units import c_to_f, f_to_c, parse_quantity, parse_volume


def test_metric_weights():
    assert parse_quantity("4.5 kg") == 4500.0
    assert parse_quantity("28g") == 28.0


def test_pounds():
    assert parse_quantity("2 lbs") == pytest.approx(907.18474)
    assert parse_quantity("1.5 LB") == pytest.approx(680.388555)


def test_unknown_unit_rejected():
    with pytest.raises(ValueError, match="unrecognised quantity"):
        parse_quantity("3 cups")
    with pytest.raises(ValueError):
        parse_quantity("kg")


def test_volumes():
    assert parse_volume("5 gal") == pytest.approx(18.927, abs=1e-3)
    assert parse_volume("500 ml") == pytest.approx(0.5)


def test_temperatures():
    assert f_to_c(152) == 66.7
    assert c_to_f(20) == 68.0
