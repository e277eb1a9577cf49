import pytest

from cellarbook.racks import Rack
from conftest import BAROLO, CHAMPAGNE, CHABLIS


def test_labels():
    rack = Rack("Door", rows=2, columns=3)
    assert rack.labels() == ["A1", "A2", "A3", "B1", "B2", "B3"]
    assert rack.size == 6


def test_position():
    rack = Rack("North", rows=6, columns=8)
    assert rack.position("B3") == (1, 2)
    assert rack.position(" f8 ") == (5, 7)


@pytest.mark.parametrize("slot", ["3B", "B", "", "AA1", "B3x"])
def test_garbled_slot(slot):
    with pytest.raises(ValueError, match="bad slot"):
        Rack("North", 6, 8).position(slot)


def test_wine_label_and_status():
    assert BAROLO.label == "2019 Barolo Castiglione (Vietti)"
    assert CHAMPAGNE.label == "NV Special Cuvee (Bollinger)"
    assert BAROLO.status(2024) == "too young"
    assert CHABLIS.status(2024) == "ready"
    assert CHABLIS.status(2025) == "past its best"
