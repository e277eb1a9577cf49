import pytest

from fsmkit.errors import GuardRejected


def test_history_starts_with_initial(order):
    assert order.history == ["cart"]


def test_history_records_each_transition(order):
    order.trigger("pay")
    order.trigger("touch")       # self-transition still counts
    order.trigger("ship")
    assert order.history == ["cart", "paid", "paid", "shipped"]


def test_failed_trigger_not_recorded(order):
    order.context["items"] = 0
    with pytest.raises(GuardRejected):
        order.trigger("pay")
    assert order.history == ["cart"]


def test_history_is_a_copy(order):
    order.history.append("bogus")
    assert order.history == ["cart"]


def test_undo_goes_back(order):
    order.trigger("pay")
    order.trigger("ship")
    assert order.undo() == "paid"
    assert order.state == "paid"
    assert order.history == ["cart", "paid"]
    assert order.undo() == "cart"
    assert order.history == ["cart"]


def test_undo_does_not_run_callbacks(order):
    calls = []
    order.on_enter("cart", lambda *a: calls.append(a))
    order.on_exit("paid", lambda *a: calls.append(a))
    order.trigger("pay")
    order.undo()
    assert calls == []


def test_undo_at_start_raises(order):
    with pytest.raises(RuntimeError):
        order.undo()
    assert order.state == "cart"


def test_can_trigger_again_after_undo(order):
    order.trigger("pay")
    order.trigger("cancel")
    order.undo()
    assert order.trigger("ship") == "shipped"
    assert order.history == ["cart", "paid", "shipped"]


def test_reset_clears_history(order):
    order.trigger("pay")
    order.trigger("ship")
    order.reset()
    assert order.history == ["cart"]
    with pytest.raises(RuntimeError):
        order.undo()
