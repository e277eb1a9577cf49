import pytest

from fsmkit.guards import at_least
from fsmkit.machine import StateMachine
from fsmkit.transitions import Transition


@pytest.fixture
def order():
    return StateMachine(
        ["cart", "paid", "shipped", "delivered", "cancelled"],
        initial="cart",
        transitions=[
            Transition("pay", "cart", "paid", guard=at_least("items", 1)),
            Transition("ship", "paid", "shipped"),
            Transition("deliver", "shipped", "delivered"),
            Transition("cancel", "*", "cancelled"),
            Transition("cancel", "delivered", "delivered"),
            Transition("touch", "paid", "paid"),
        ],
        context={"items": 2},
    )
