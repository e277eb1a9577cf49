import pytest

from bakebook.catalogue import find_product
from bakebook.orders import parse_line, parse_order, parse_pickup


def test_find_product_by_name_code_or_alias():
    assert find_product("Sourdough").code == "SD"
    assert find_product("rY").name == "Rye"
    assert find_product("  Pain  au choc ").code == "PC"
    with pytest.raises(ValueError, match="unknown product 'brioche'"):
        find_product("brioche")


def test_parse_line():
    line = parse_line(" 2 x dark rye")
    assert (line.product.code, line.quantity) == ("RY", 2)
    assert line.label() == "2x Rye"
    with pytest.raises(ValueError):
        parse_line("some croissants")
    with pytest.raises(ValueError):
        parse_line("0x croissant")


def test_parse_pickup():
    assert parse_pickup("pickup saturday 8:30") == ("Sat", "08:30")
    with pytest.raises(ValueError):
        parse_pickup("pickup Sat 25:00")


def test_parse_order():
    order = parse_order("Mrs Patel; 2x sourdough, 6x croissant; pickup Sat 08:30")
    assert order.customer == "Mrs Patel"
    assert [l.label() for l in order.lines] == ["2x Sourdough", "6x Croissant"]
    assert (order.day, order.time) == ("Sat", "08:30")


def test_bad_orders():
    with pytest.raises(ValueError):
        parse_order("Mrs Patel; 2x sourdough")
    with pytest.raises(ValueError):
        parse_order("Mrs Patel; ; pickup Sat 08:30")
