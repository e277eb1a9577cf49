import pytest

from ferrydeck.deck import Deck, DeckFullError, Lane
from ferrydeck.vehicles import Vehicle


def test_fills_lanes_in_order():
    deck = Deck([Lane(2, 10.0, 4.0), Lane(1, 10.0, 4.0)])
    assert deck.place(Vehicle.from_form("A1", "car", 4.5)) == 1
    assert deck.place(Vehicle.from_form("A2", "car", 4.5)) == 1
    assert deck.place(Vehicle.from_form("A3", "car", 4.5)) == 2
    assert deck.free_m == 5.0


def test_respects_headroom():
    deck = Deck([Lane(1, 30.0, 2.2), Lane(2, 30.0, 4.5)])
    assert deck.place(Vehicle.from_form("C1", "campervan", 6.8)) == 2


def test_full_deck_raises():
    deck = Deck([Lane(1, 6.0, 4.0)])
    deck.place(Vehicle.from_form("A1", "car", 4.5))
    with pytest.raises(DeckFullError):
        deck.place(Vehicle.from_form("A2", "motorcycle", 2.1))


def test_remove_frees_space():
    deck = Deck([Lane(1, 10.0, 4.0)])
    deck.place(Vehicle.from_form("A1", "car", 4.5))
    deck.remove("A1")
    assert deck.free_m == 10.0
