"""Domain objects: customers, line items and invoices."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .money import sum_money, to_money


@dataclass
class Customer:
    """Someone we bill."""

    name: str
    email: str
    tax_exempt: bool = False


@dataclass
class LineItem:
    """One line of an invoice: a quantity of something at a unit price."""

    description: str
    quantity: int
    unit_price: Decimal

    def __post_init__(self):
        if self.quantity <= 0:
            raise ValueError("quantity must be positive")
        self.unit_price = to_money(self.unit_price)

    @property
    def amount(self) -> Decimal:
        """Price of the whole line before discounts and tax."""
        return to_money(self.unit_price * self.quantity)


@dataclass
class Invoice:
    """An invoice made of line items for one customer."""

    number: str
    customer: Customer
    items: list = field(default_factory=list)
    issued: date = field(default_factory=date.today)

    def add_item(self, description: str, quantity: int, unit_price) -> LineItem:
        """Append a new line item and return it."""
        item = LineItem(description, quantity, unit_price)
        self.items.append(item)
        return item

    @property
    def subtotal(self) -> Decimal:
        """Sum of all line amounts."""
        return sum_money(item.amount for item in self.items)

    def is_empty(self) -> bool:
        return not self.items
