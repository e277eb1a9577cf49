from datetime import date
from decimal import Decimal

from pennywise.budget import Budget
from pennywise.categories import categorise_all
from pennywise.periods import month_range
from pennywise.summary import monthly_summary
from pennywise.transactions import read_statement

STATEMENT = """Date,Amount,Description
2024-11-30,-10.00,Corner Cafe
2024-12-01,-80.00,City Supermarket
2024-12-24,-120.00,Pizza restaurant
2024-12-31,-30.00,Taxi home
2025-01-01,-15.00,Bus pass
"""


def test_december_range():
    assert month_range(2024, 12) == (date(2024, 12, 1), date(2024, 12, 31))
    assert month_range(1999, 12) == (date(1999, 12, 1), date(1999, 12, 31))


def test_january_and_november_still_right():
    assert month_range(2025, 1) == (date(2025, 1, 1), date(2025, 1, 31))
    assert month_range(2024, 11) == (date(2024, 11, 1), date(2024, 11, 30))


def test_december_summary():
    txns = categorise_all(read_statement(STATEMENT))
    assert monthly_summary(txns, 2024, 12) == {
        "eating out": Decimal("-120.00"), "groceries": Decimal("-80.00"),
        "transport": Decimal("-30.00"), "net": Decimal("-230.00")}


def test_december_budget():
    txns = categorise_all(read_statement(STATEMENT))
    budget = Budget({"eating out": "100", "transport": "50"})
    assert budget.spent(txns, "transport", 2024, 12) == Decimal("30.00")
    assert budget.over_budget(txns, 2024, 12) == ["eating out"]
