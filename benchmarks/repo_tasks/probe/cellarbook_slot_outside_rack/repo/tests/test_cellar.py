import pytest

from cellarbook.cellar import SlotTaken
from cellarbook.importer import CellarImportError, import_csv
from cellarbook.reports import bottle_count, past_best, rack_map, ready_to_drink
from conftest import BAROLO, CHABLIS, RIOJA


def test_store_and_add(cellar):
    cellar.store(BAROLO, "North", "B3", 6)
    cellar.store(BAROLO, "North", "b3", 3)
    assert cellar.holding("North", "B3").bottles == 9


def test_slot_taken(cellar):
    cellar.store(BAROLO, "North", "B3", 6)
    with pytest.raises(SlotTaken, match="B3 in North already holds 2019 Barolo"):
        cellar.store(RIOJA, "North", "B3", 1)


def test_take_and_move(cellar):
    cellar.store(RIOJA, "North", "A1", 2)
    assert cellar.take("North", "A1") == RIOJA
    cellar.move("North", "A1", "Door", "B2")
    assert cellar.holding("North", "A1") is None
    assert cellar.holding("Door", "B2").bottles == 1
    with pytest.raises(ValueError, match="only 1 left in B2"):
        cellar.take("Door", "B2", 2)


def test_unknown_rack(cellar):
    with pytest.raises(KeyError):
        cellar.store(RIOJA, "South", "A1", 1)


def test_rack_map(cellar):
    cellar.store(RIOJA, "Door", "A2", 4)
    cellar.store(CHABLIS, "Door", "B3", 12)
    assert rack_map(cellar, "Door").splitlines() == [
        "Door",
        "     1  2  3",
        "A    .  4  .",
        "B    .  . 12",
    ]


def test_reports(cellar):
    cellar.store(BAROLO, "North", "C1", 6)
    cellar.store(RIOJA, "North", "A2", 3)
    cellar.store(CHABLIS, "Door", "A1", 2)
    assert bottle_count(cellar) == 11
    assert ready_to_drink(cellar, 2026) == [
        "North A2: 2016 Vina Ardanza (La Rioja Alta) x3",
        "North C1: 2019 Barolo Castiglione (Vietti) x6",
    ]
    assert past_best(cellar, 2026) == ["Door A1: 2021 Chablis (Fevre)"]


CSV = """rack,slot,producer,wine,vintage,colour,bottles,drink_from,drink_until
North,A1,Vietti,Barolo Castiglione,2019,Red,6,2025,2040
Door,b2,Bollinger,Special Cuvee,NV,sparkling,2,2020,2030
"""


def test_import(cellar):
    assert import_csv(cellar, CSV) == 8
    assert cellar.holding("Door", "B2").wine.vintage == 0


def test_import_error_has_line_number(cellar):
    bad = CSV + "North,A2,Fevre,Chablis,2021,white,lots,2022,2024\n"
    with pytest.raises(CellarImportError, match="^line 4: invalid literal"):
        import_csv(cellar, bad)
