from datetime import date

import pytest

from apiary.hive import Inspection
from apiary.mites import mite_load, needs_treatment, severity, threshold_for


def test_mite_load_per_hundred_bees():
    assert mite_load(9, 300) == 3.0
    assert mite_load(0) == 0.0
    assert mite_load(5, 300) == 1.7


def test_mite_load_rejects_empty_sample():
    with pytest.raises(ValueError):
        mite_load(3, 0)


def test_threshold_by_season():
    assert threshold_for(4) == 2.0
    assert threshold_for(7) == 3.0
    assert threshold_for(1) == 1.0


def test_needs_treatment_uses_month_threshold():
    july = Inspection("H1", date(2024, 7, 2), 6, 4, mites_counted=8)
    october = Inspection("H1", date(2024, 10, 2), 6, 4, mites_counted=8)
    assert not needs_treatment(july)
    assert needs_treatment(october)


def test_severity_words():
    assert severity(0.3) == "low"
    assert severity(2.0) == "moderate"
    assert severity(4.5) == "high"
