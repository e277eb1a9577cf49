"""Sorting transactions into categories by keywords in the memo."""

from dataclasses import replace

DEFAULT_RULES = {
    "groceries": ["supermarket", "grocer", "market"],
    "transport": ["rail", "bus", "fuel", "taxi"],
    "eating out": ["cafe", "restaurant", "pizza"],
    "housing": ["rent", "mortgage"],
    "income": ["salary", "payroll"],
}


def categorise(transaction, rules=None):
    """Return the transaction with its category set from the first matching rule."""
    rules = DEFAULT_RULES if rules is None else rules
    memo = transaction.memo.lower()
    for category, keywords in rules.items():
        if any(word in memo for word in keywords):
            return replace(transaction, category=category)
    return transaction


def categorise_all(transactions, rules=None):
    return [categorise(t, rules) for t in transactions]
