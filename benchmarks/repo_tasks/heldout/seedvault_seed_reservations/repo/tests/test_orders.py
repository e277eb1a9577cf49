from datetime import date

import pytest

from seedvault.accession import Accession
from seedvault.germination import GerminationTest, needs_regeneration, viable_seeds
from seedvault.inventory import InsufficientSeed, Inventory
from seedvault.orders import Order, fulfil
from seedvault.reports import stock_report


def make_inventory():
    inv = Inventory()
    inv.register(Accession("SV-0012", "Phaseolus vulgaris", "Cherokee Trail of Tears", 2023), grams=250)
    inv.register(Accession("SV-0040", "Solanum lycopersicum", "Stupice", 2022), grams=12)
    return inv


def test_fulfil_order():
    inv = make_inventory()
    order = Order("R. Patel")
    order.add("SV-0012", 40)
    order.add("SV-0040", 2)
    assert fulfil(inv, order) == [
        "40 g SV-0012 Phaseolus vulgaris 'Cherokee Trail of Tears' (2023)",
        "2 g SV-0040 Solanum lycopersicum 'Stupice' (2022)",
    ]
    assert inv.balance("SV-0040") == 10.0


def test_order_all_or_nothing():
    inv = make_inventory()
    order = Order("R. Patel")
    order.add("SV-0012", 40)
    order.add("SV-0040", 8)
    order.add("SV-0040", 8)
    with pytest.raises(InsufficientSeed):
        fulfil(inv, order)
    assert inv.balance("SV-0012") == 250.0


def test_order_line_limit():
    with pytest.raises(ValueError):
        Order("R. Patel").add("SV-0012", 80)


def test_germination():
    tests = [
        GerminationTest("SV-0012", date(2023, 3, 1), 50, 48),
        GerminationTest("SV-0012", date(2024, 3, 1), 50, 40),
    ]
    assert needs_regeneration(tests, "SV-0012")
    assert needs_regeneration(tests, "SV-0040")
    assert viable_seeds(10, 3.5, 0.8) == 28


def test_stock_report():
    report = stock_report(make_inventory())
    assert report.splitlines() == [
        "SV-0012 Phaseolus vulgaris 'Cherokee Trail of Tears' (2023): 250 g",
        "SV-0040 Solanum lycopersicum 'Stupice' (2022): 12 g LOW",
        "Total 262 g in 2 accessions",
    ]


def test_regeneration_list():
    from seedvault.reports import regeneration_list

    inv = make_inventory()
    inv.register(Accession("SV-0003", "Pisum sativum", "Alderman", 2017), grams=90)
    tests = [
        GerminationTest("SV-0012", date(2024, 3, 1), 50, 47),
        GerminationTest("SV-0040", date(2024, 3, 1), 50, 49),
        GerminationTest("SV-0003", date(2024, 3, 1), 50, 45),
    ]
    assert regeneration_list(inv, tests, 2024) == ["SV-0003"]
    assert regeneration_list(inv, tests[:1], 2024) == ["SV-0003", "SV-0040"]
