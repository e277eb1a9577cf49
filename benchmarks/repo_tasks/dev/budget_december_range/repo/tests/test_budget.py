from datetime import date
from decimal import Decimal

import pytest

from pennywise.budget import Budget
from pennywise.categories import categorise_all
from pennywise.periods import iter_months, month_range, months_between, quarter_of
from pennywise.summary import format_summary, monthly_summary
from pennywise.transactions import read_statement

STATEMENT = """Date,Amount,Description
2024-03-01,"2,500.00",ACME PAYROLL
2024-03-02,-54.20,City Supermarket
2024-03-15,-12.50,Corner Cafe
2024-03-31,-40.00,Fuel station
2024-04-01,-900.00,Rent April
"""


@pytest.fixture
def txns():
    return categorise_all(read_statement(STATEMENT))


def test_month_range():
    assert month_range(2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
    assert month_range(2023, 4) == (date(2023, 4, 1), date(2023, 4, 30))


def test_periods():
    assert quarter_of(date(2024, 11, 3)) == 4
    assert months_between(date(2023, 11, 30), date(2024, 2, 1)) == 3
    assert list(iter_months(date(2023, 11, 5), date(2024, 1, 1))) == [
        (2023, 11), (2023, 12), (2024, 1)]


def test_read_statement_errors():
    with pytest.raises(ValueError, match="line 2"):
        read_statement("Date,Amount,Description\nyesterday,1,x\n")


def test_categorise(txns):
    assert [t.category for t in txns] == [
        "income", "groceries", "eating out", "transport", "housing"]


def test_monthly_summary(txns):
    summary = monthly_summary(txns, 2024, 3)
    assert summary == {"eating out": Decimal("-12.50"), "groceries": Decimal("-54.20"),
                       "income": Decimal("2500.00"), "transport": Decimal("-40.00"),
                       "net": Decimal("2393.30")}
    assert format_summary(summary, "March").splitlines()[-1] == "net                2393.30"


def test_budget(txns):
    budget = Budget({"groceries": "50", "transport": "100", "housing": "1000"})
    assert budget.spent(txns, "groceries", 2024, 3) == Decimal("54.20")
    assert budget.remaining(txns, "transport", 2024, 3) == Decimal("60.00")
    assert budget.over_budget(txns, 2024, 3) == ["groceries"]
    assert budget.over_budget(txns, 2024, 4) == []
