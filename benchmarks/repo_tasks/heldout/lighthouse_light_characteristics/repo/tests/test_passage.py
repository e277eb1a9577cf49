import pytest

from lighthouse.chart import LIGHTS, find
from lighthouse.passage import lights_in_view, lookout_notes


def test_find_light():
    assert find("tater du").characteristic == "Fl(3) W 15s"
    with pytest.raises(KeyError):
        find("Eddystone")


def test_lights_in_view_nearest_first():
    seen = lights_in_view(LIGHTS, 50.05, -5.10)
    assert [(light.name, d) for light, d in seen] == [("St Anthony Head", 6.4), ("Lizard", 6.7)]


def test_lookout_notes():
    assert lookout_notes(LIGHTS, 50.05, -5.10) == [
        "St Anthony Head (Oc WR 15s) NE 6.4 nm",
        "Lizard (Fl W 3s) SW 6.7 nm",
    ]
