import pytest

from cellarbook.cellar import SlotTaken
from cellarbook.importer import CellarImportError, import_csv
from cellarbook.racks import Rack
from cellarbook.reports import bottle_count, rack_map
from conftest import BAROLO, CHABLIS, RIOJA


def message(excinfo):
    return str(excinfo.value)


# --- the new validation --------------------------------------------------

def test_row_outside_rack(cellar):
    with pytest.raises(ValueError) as excinfo:
        cellar.store(BAROLO, "North", "H2", 6)
    assert message(excinfo) == "rack 'North' has no slot H2 (rows A-F, columns 1-8)"
    assert bottle_count(cellar) == 0


@pytest.mark.parametrize("slot, shown", [("A9", "A9"), ("A0", "A0"), ("g1", "G1"), ("Z12", "Z12")])
def test_other_slots_outside_rack(cellar, slot, shown):
    with pytest.raises(ValueError) as excinfo:
        cellar.store(RIOJA, "North", slot, 1)
    assert message(excinfo) == f"rack 'North' has no slot {shown} (rows A-F, columns 1-8)"
    assert cellar.contents() == []


def test_small_rack(cellar):
    with pytest.raises(ValueError) as excinfo:
        cellar.store(CHABLIS, "Door", "C1", 2)
    assert message(excinfo) == "rack 'Door' has no slot C1 (rows A-B, columns 1-3)"


def test_move_to_slot_outside_rack(cellar):
    cellar.store(BAROLO, "North", "B3", 6)
    with pytest.raises(ValueError) as excinfo:
        cellar.move("North", "B3", "Door", "A4")
    assert message(excinfo) == "rack 'Door' has no slot A4 (rows A-B, columns 1-3)"
    assert cellar.holding("North", "B3").bottles == 6


def test_take_from_slot_outside_rack(cellar):
    with pytest.raises(ValueError) as excinfo:
        cellar.take("North", "H2")
    assert message(excinfo) == "rack 'North' has no slot H2 (rows A-F, columns 1-8)"


def test_import_reports_line(cellar):
    text = ("rack,slot,producer,wine,vintage,colour,bottles,drink_from,drink_until\n"
            "North,A1,Vietti,Barolo Castiglione,2019,red,6,2025,2040\n"
            "North,H2,Fevre,Chablis,2021,white,12,2022,2024\n")
    with pytest.raises(CellarImportError) as excinfo:
        import_csv(cellar, text)
    assert message(excinfo) == "line 3: rack 'North' has no slot H2 (rows A-F, columns 1-8)"


# --- behaviour that already works and must keep working --------------------

def test_garbled_slot_keeps_its_error(cellar):
    with pytest.raises(ValueError) as excinfo:
        cellar.store(BAROLO, "North", "3B", 6)
    assert message(excinfo) == "bad slot '3B'"


def test_corner_slots_and_lower_case_accepted(cellar):
    cellar.store(BAROLO, "North", "a1", 1)
    cellar.store(RIOJA, "North", "f8", 2)
    cellar.store(CHABLIS, "Door", "B3", 3)
    assert Rack("North", 6, 8).position("F8") == (5, 7)
    assert [(r, s, h.bottles) for r, s, h in cellar.contents()] == [
        ("Door", "B3", 3), ("North", "A1", 1), ("North", "F8", 2)]


def test_slot_taken_still_refused(cellar):
    cellar.store(BAROLO, "Door", "A1", 6)
    with pytest.raises(SlotTaken):
        cellar.store(RIOJA, "Door", "a1", 1)
    assert rack_map(cellar, "Door").splitlines()[2] == "A    6  .  ."


def test_empty_slot_and_unknown_rack(cellar):
    with pytest.raises(ValueError) as excinfo:
        cellar.take("North", "C4")
    assert message(excinfo) == "C4 in North is empty"
    with pytest.raises(KeyError):
        cellar.store(BAROLO, "Cupboard", "A1", 1)
