from datetime import date
from decimal import Decimal

import pytest

from billing.discounts import discount_rate, volume_discount
from billing.models import Customer, Invoice
from billing.tax import invoice_tax


def make_invoice(*items, exempt=False):
    inv = Invoice("INV-7", Customer("Acme Ltd", "ap@acme.test", tax_exempt=exempt),
                  issued=date(2024, 3, 1))
    for desc, qty, price in items:
        inv.add_item(desc, qty, Decimal(price))
    return inv


def test_subtotal_adds_lines():
    inv = make_invoice(("Widget", 3, "4.99"), ("Gadget", 1, "10.00"))
    assert inv.subtotal == Decimal("24.97")


def test_quantity_must_be_positive():
    with pytest.raises(ValueError):
        make_invoice(("Widget", 0, "4.99"))


def test_discount_tiers():
    assert discount_rate(Decimal("999.99")) == Decimal("0")
    assert discount_rate(Decimal("1000.00")) == Decimal("0.05")
    assert volume_discount(Decimal("6000.00")) == Decimal("600.00")


def test_tax_exempt_customer_pays_no_tax():
    inv = make_invoice(("Widget", 10, "20.00"), exempt=True)
    assert invoice_tax(inv) == Decimal("0.00")


def test_tax_applies_after_discount():
    inv = make_invoice(("Server", 1, "2000.00"))
    assert invoice_tax(inv) == Decimal("95.00")
