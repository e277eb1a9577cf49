from datetime import date

import pytest

from apiary.hive import Hive, Inspection


def test_queen_age_counts_seasons():
    hive = Hive("H1", "Orchard", queen_year=2021)
    assert hive.queen_age(date(2024, 5, 1)) == 3
    assert hive.needs_requeening(date(2024, 5, 1))
    assert not hive.needs_requeening(date(2023, 5, 1))


def test_inspection_rejects_unknown_temperament():
    with pytest.raises(ValueError):
        Inspection("H1", date(2024, 5, 1), 4, 2, temperament="grumpy")


def test_inspection_rejects_negative_frames():
    with pytest.raises(ValueError):
        Inspection("H1", date(2024, 5, 1), -1, 2)


def test_frames_covered():
    insp = Inspection("H1", date(2024, 5, 1), brood_frames=5, honey_frames=3)
    assert insp.frames_covered == 8
