import pytest

from seedvault.accession import Accession
from seedvault.inventory import InsufficientSeed, Inventory

BEAN = Accession("SV-0012", "Phaseolus vulgaris", "Cherokee Trail of Tears", 2023)
TOMATO = Accession("SV-0040", "Solanum lycopersicum", "Stupice", 2022)


def make_inventory():
    inv = Inventory()
    inv.register(BEAN, grams=250)
    inv.register(TOMATO, grams=12)
    return inv


def test_accession_code_format():
    with pytest.raises(ValueError):
        Accession("12", "Phaseolus vulgaris", "Borlotti", 2023)


def test_deposit_and_withdraw():
    inv = make_inventory()
    assert inv.deposit("SV-0040", 8) == 20.0
    assert inv.withdraw("SV-0012", 30) == 220.0
    assert inv.total_grams() == 240.0


def test_withdraw_too_much():
    inv = make_inventory()
    with pytest.raises(InsufficientSeed):
        inv.withdraw("SV-0040", 13)
    assert inv.balance("SV-0040") == 12.0


def test_duplicate_and_unknown():
    inv = make_inventory()
    with pytest.raises(ValueError):
        inv.register(BEAN)
    with pytest.raises(KeyError):
        inv.deposit("SV-9999", 5)


def test_low_stock():
    assert make_inventory().low_stock(20) == ["SV-0040"]


def test_reservation_holds_seed_back():
    inv = make_inventory()
    inv.reserve("SV-0012", 100, "R. Patel")
    assert inv.balance("SV-0012") == 250.0
    assert inv.available("SV-0012") == 150.0
    assert inv.available("SV-0040") == 12.0


def test_withdrawal_cannot_use_reserved_seed():
    inv = make_inventory()
    inv.reserve("SV-0012", 100, "R. Patel")
    assert inv.withdraw("SV-0012", 150) == 100.0
    with pytest.raises(InsufficientSeed):
        inv.withdraw("SV-0012", 1)
    assert inv.balance("SV-0012") == 100.0


def test_cannot_reserve_more_than_available():
    inv = make_inventory()
    inv.reserve("SV-0040", 10, "R. Patel")
    with pytest.raises(InsufficientSeed):
        inv.reserve("SV-0040", 5, "J. Okafor")
    assert inv.available("SV-0040") == 2.0


def test_same_member_reservations_add_up():
    inv = make_inventory()
    inv.reserve("SV-0012", 40, "R. Patel")
    inv.reserve("SV-0012", 20, "R. Patel")
    inv.reserve("SV-0012", 30, "J. Okafor")
    assert inv.available("SV-0012") == 160.0
    inv.cancel_reservation("SV-0012", "R. Patel")
    assert inv.available("SV-0012") == 220.0


def test_cancel_frees_seed_for_withdrawal():
    inv = make_inventory()
    inv.reserve("SV-0040", 12, "R. Patel")
    inv.cancel_reservation("SV-0040", "R. Patel")
    assert inv.withdraw("SV-0040", 12) == 0.0


def test_cancel_unknown_reservation():
    inv = make_inventory()
    inv.reserve("SV-0012", 40, "R. Patel")
    with pytest.raises(KeyError):
        inv.cancel_reservation("SV-0012", "J. Okafor")
    with pytest.raises(KeyError):
        inv.cancel_reservation("SV-0040", "R. Patel")


def test_reserve_unknown_accession():
    with pytest.raises(KeyError):
        make_inventory().reserve("SV-9999", 5, "R. Patel")
