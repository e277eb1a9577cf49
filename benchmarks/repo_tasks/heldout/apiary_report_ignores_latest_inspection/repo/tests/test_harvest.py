from datetime import date

from apiary.harvest import estimate_kg, harvestable_frames, yard_total_kg
from apiary.hive import Inspection


def test_leaves_stores_for_bees():
    insp = Inspection("H1", date(2024, 8, 1), 5, 6)
    assert harvestable_frames(insp) == 4
    assert estimate_kg(insp) == 9.2


def test_short_hive_gives_nothing():
    insp = Inspection("H1", date(2024, 8, 1), 5, 1)
    assert estimate_kg(insp) == 0.0


def test_yard_total():
    inspections = [
        Inspection("H1", date(2024, 8, 1), 5, 6),
        Inspection("H2", date(2024, 8, 1), 5, 3),
    ]
    assert yard_total_kg(inspections) == 11.5
