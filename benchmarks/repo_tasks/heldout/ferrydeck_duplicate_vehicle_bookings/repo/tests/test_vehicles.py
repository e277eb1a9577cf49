import pytest

from ferrydeck.vehicles import Vehicle, normalise_registration


def test_registration_upper_cased():
    assert normalise_registration("  ab12cde ") == "AB12CDE"


def test_blank_registration_rejected():
    with pytest.raises(ValueError):
        normalise_registration("   ")


def test_from_form_fills_default_height():
    v = Vehicle.from_form("AB12CDE", "Van", 5.4)
    assert v.kind == "van"
    assert v.height_m == 2.6
    assert v.deck_length == 5.9


def test_from_form_rejects_unknown_kind():
    with pytest.raises(ValueError):
        Vehicle.from_form("AB12CDE", "tractor", 4.0)
