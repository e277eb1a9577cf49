import pytest

from fsmkit.errors import GuardRejected, InvalidTransition
from fsmkit.export import to_dot, to_table
from fsmkit.guards import all_of, key_equals, negate


def test_trigger_moves(order):
    assert order.trigger("pay") == "paid"
    assert order.trigger("ship") == "shipped"


def test_invalid_transition(order):
    with pytest.raises(InvalidTransition) as info:
        order.trigger("ship")
    assert str(info.value) == "event 'ship' is not allowed in state 'cart'"


def test_guard(order):
    order.context["items"] = 0
    with pytest.raises(GuardRejected):
        order.trigger("pay")
    assert not order.can("pay")
    assert order.available_events() == ["cancel"]


def test_exact_source_beats_wildcard(order):
    for e in ("pay", "ship", "deliver"):
        order.trigger(e)
    assert order.trigger("cancel") == "delivered"


def test_callbacks(order):
    calls = []
    order.on_exit("cart", lambda e, s, d: calls.append(("exit", e, s, d)))
    order.on_enter("paid", lambda e, s, d: calls.append(("enter", e, s, d)))
    order.trigger("pay")
    assert calls == [("exit", "pay", "cart", "paid"), ("enter", "pay", "cart", "paid")]


def test_reset(order):
    order.trigger("pay")
    order.reset()
    assert order.state == "cart"


def test_guards_combine():
    g = all_of(key_equals("role", "admin"), negate(key_equals("locked", True)))
    assert g({"role": "admin"}) and not g({"role": "admin", "locked": True})
    assert g.__name__ == "role=='admin' and not locked==True"


def test_exports(order):
    assert "cart --pay--> paid [items>=1]" in to_table(order).splitlines()
    dot = to_dot(order)
    assert '"cart" [shape=doublecircle];' in dot
    assert '"shipped" -> "cancelled" [label="cancel"];' in dot
