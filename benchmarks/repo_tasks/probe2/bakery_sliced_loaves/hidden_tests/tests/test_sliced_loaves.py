from decimal import Decimal

import pytest

from bakebook.bakeplan import bake_list
from bakebook.orders import parse_line, parse_order
from bakebook.pricing import line_total, order_total
from bakebook.slips import order_slip

SLICED_ORDER = "Mrs Patel; 2x sourdough (sliced), 6x croissant; pickup Sat 08:30"


# --- the new feature -------------------------------------------------------

def test_sliced_item_is_read():
    order = parse_order(SLICED_ORDER)
    first, second = order.lines
    assert (first.product.code, first.quantity, first.sliced) == ("SD", 2, True)
    assert second.sliced is False
    assert first.label() == "2x Sourdough (sliced)"


def test_slicing_costs_20p_a_loaf():
    assert line_total(parse_line("2x sourdough (sliced)")) == Decimal("8.80")
    assert line_total(parse_line("1 x Dark Rye (Sliced)")) == Decimal("4.00")
    assert order_total(parse_order(SLICED_ORDER)) == Decimal("18.40")


def test_slip_shows_slicing():
    assert order_slip(parse_order(SLICED_ORDER)) == [
        "Mrs Patel - Sat 08:30",
        "2x Sourdough (sliced)      £8.80",
        "6x Croissant               £9.60",
        "Total                     £18.40",
    ]


def test_only_bread_can_be_sliced():
    with pytest.raises(ValueError):
        parse_line("6x croissant (sliced)")
    with pytest.raises(ValueError):
        parse_order("Tom; 1x lemon cake (sliced); pickup Sat 07:45")


def test_bake_list_counts_sliced_with_unsliced():
    orders = [
        parse_order(SLICED_ORDER),
        parse_order("Ana; 3x sourdough, 1x rye (sliced); pickup Sat 09:00"),
    ]
    assert bake_list(orders, "Sat") == [("Rye", 1), ("Sourdough", 5), ("Croissant", 6)]


# --- behaviour that already works and must keep working ----------------------

def test_unsliced_lines_unchanged():
    line = parse_line(" 2 x dark rye")
    assert (line.product.code, line.quantity, line.label()) == ("RY", 2, "2x Rye")
    assert line_total(line) == Decimal("7.60")


def test_unsliced_slip_unchanged():
    order = parse_order("Mrs Patel; 2x sourdough, 6x croissant; pickup Sat 08:30")
    assert order_slip(order) == [
        "Mrs Patel - Sat 08:30",
        "2x Sourdough               £8.40",
        "6x Croissant               £9.60",
        "Total                     £18.00",
    ]


def test_bakers_dozen_unchanged():
    assert line_total(parse_line("13x croissant")) == Decimal("19.20")
    assert line_total(parse_line("26x pain au choc")) == Decimal("43.20")
    assert line_total(parse_line("13x sourdough")) == Decimal("54.60")


def test_bad_lines_still_rejected():
    for text in ("some croissants", "0x croissant", "2x brioche", "2x"):
        with pytest.raises(ValueError):
            parse_line(text)


def test_pickup_and_customer_unchanged():
    order = parse_order("Tom ; 1x lemon cake, 2x croissants ; pickup friday 7:45")
    assert (order.customer, order.day, order.time) == ("Tom", "Fri", "07:45")
    assert [l.label() for l in order.lines] == ["1x Lemon drizzle", "2x Croissant"]
