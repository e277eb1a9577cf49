import pytest

from knitpat.gauge import Gauge
from knitpat.sizes import finished_chest, pick_size
from knitpat.yarn import balls_needed, grams_for, metres_needed


def test_cast_on():
    gauge = Gauge(22, 30)
    assert gauge.cast_on_for(50) == 110
    assert gauge.cast_on_for(50, multiple=4, plus=2) == 110
    assert gauge.cast_on_for(51, multiple=4) == 112


def test_rows_and_sizes_back():
    gauge = Gauge(22, 30)
    assert gauge.rows_for(12) == 36
    assert gauge.width_cm(110) == 50.0
    assert gauge.length_cm(45) == 15.0
    with pytest.raises(ValueError):
        Gauge(0, 30)


def test_yarn():
    assert metres_needed(10000, "dk") == 286.0
    assert balls_needed(286.0, 100) == 3
    assert grams_for(450, "dk") == 200.0
    with pytest.raises(ValueError):
        metres_needed(100, "bulky")


def test_sizes():
    assert finished_chest("M") == 106
    assert finished_chest("M", "close") == 96
    assert pick_size(90) == "M"
    with pytest.raises(ValueError):
        pick_size(140)
