from datetime import date

import pytest

from vetclinic.dosing import dose_mg, volume_ml
from vetclinic.patients import Pet
from vetclinic.prescriptions import label, prescribe


def biscuit():
    return Pet("Biscuit", "Dog", date(2019, 4, 2), weight_kg=18.0, owner="A. Moreau")


def clover():
    return Pet("Clover", "rabbit", date(2022, 6, 1), weight_kg=2.1, owner="S. Quinn")


def test_dose_and_volume():
    assert dose_mg("meloxicam", "dog", 18.0) == 1.8
    assert volume_ml("meloxicam", 1.8) == 1.2


def test_prescribe_dog():
    rx = prescribe(biscuit(), "Meloxicam", days=5)
    assert rx.drug == "meloxicam"
    assert rx.daily_mg == 1.8
    assert rx.total_ml == 6.0


def test_label():
    assert label(prescribe(biscuit(), "meloxicam", days=5)).splitlines() == [
        "Biscuit (dog), owner A. Moreau",
        "Meloxicam: give 1.2 ml once daily for 5 days",
        "Dispensed: 6 ml. For animal treatment only.",
    ]


def test_course_length():
    with pytest.raises(ValueError):
        prescribe(biscuit(), "meloxicam", days=0)


def test_rabbit_can_have_enrofloxacin():
    assert prescribe(clover(), "enrofloxacin").daily_mg == 21.0


def test_drug_not_listed_for_species():
    with pytest.raises(ValueError) as excinfo:
        prescribe(clover(), "meloxicam")
    assert str(excinfo.value) == "no dose of meloxicam listed for species 'rabbit'"


def test_guinea_pig_amoxicillin():
    pip = Pet("Pip", "guinea pig", date(2023, 1, 5), weight_kg=0.9, owner="S. Quinn")
    with pytest.raises(ValueError) as excinfo:
        prescribe(pip, "Amoxicillin")
    assert str(excinfo.value) == "no dose of amoxicillin listed for species 'guinea pig'"


def test_unknown_drug():
    with pytest.raises(ValueError) as excinfo:
        prescribe(biscuit(), "asprin")
    assert str(excinfo.value) == "unknown drug 'asprin'"
