from decimal import Decimal

from bakebook.bakeplan import bake_list, pickups_by_time
from bakebook.orders import parse_line, parse_order
from bakebook.pricing import line_total, order_total
from bakebook.slips import order_slip


def test_pastry_bakers_dozen():
    assert line_total(parse_line("12x croissant")) == Decimal("19.20")
    assert line_total(parse_line("13x croissant")) == Decimal("19.20")
    assert line_total(parse_line("13x sourdough")) == Decimal("54.60")


def test_order_total():
    order = parse_order("Mrs Patel; 2x sourdough, 6x croissant; pickup Sat 08:30")
    assert order_total(order) == Decimal("18.00")


def test_slip():
    order = parse_order("Mrs Patel; 2x sourdough, 6x croissant; pickup Sat 08:30")
    assert order_slip(order) == [
        "Mrs Patel - Sat 08:30",
        "2x Sourdough               £8.40",
        "6x Croissant               £9.60",
        "Total                     £18.00",
    ]


def test_bake_list_and_pickups():
    orders = [
        parse_order("Mrs Patel; 2x sourdough, 6x croissant; pickup Sat 08:30"),
        parse_order("Tom; 1x lemon cake, 2x croissants, 1x rye; pickup Sat 07:45"),
        parse_order("Ana; 3x sourdough; pickup Sun 09:00"),
    ]
    assert bake_list(orders, "Sat") == [
        ("Rye", 1), ("Sourdough", 2), ("Croissant", 8), ("Lemon drizzle", 1)]
    assert pickups_by_time(orders, "Sat") == [("07:45", "Tom"), ("08:30", "Mrs Patel")]
