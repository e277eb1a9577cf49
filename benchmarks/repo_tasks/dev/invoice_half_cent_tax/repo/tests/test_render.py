from datetime import date
from decimal import Decimal

from billing.models import Customer, Invoice
from billing.render import render_invoice


def make_invoice(*items, exempt=False):
    inv = Invoice("INV-9", Customer("Bea Corp", "bills@bea.test", tax_exempt=exempt),
                  issued=date(2024, 5, 2))
    for desc, qty, price in items:
        inv.add_item(desc, qty, Decimal(price))
    return inv


def line_for(text, label):
    return next(line for line in text.splitlines() if line.startswith(label))


def test_header_lines():
    text = render_invoice(make_invoice(("Widget", 1, "1.00")))
    assert text.splitlines()[:3] == [
        "Invoice INV-9",
        "Date: 2024-05-02",
        "Bill to: Bea Corp <bills@bea.test>",
    ]


def test_item_line_and_totals():
    text = render_invoice(make_invoice(("Widget", 3, "4.00")))
    assert "3 x Widget @ $4.00" in text
    assert line_for(text, "Tax").endswith("$0.60")
    assert line_for(text, "Total:").endswith("$12.60")


def test_discount_line_only_when_discounted():
    assert "Discount" not in render_invoice(make_invoice(("Widget", 1, "10.00")))
    text = render_invoice(make_invoice(("Server", 1, "2000.00")))
    assert line_for(text, "Discount:").endswith("-$100.00")


def test_exempt_label():
    text = render_invoice(make_invoice(("Widget", 1, "10.00"), exempt=True))
    assert line_for(text, "Tax (exempt):").endswith("$0.00")


def test_half_cent_tax_rounds_up():
    text = render_invoice(make_invoice(("Sticker", 1, "2.50")))
    assert line_for(text, "Tax").endswith("$0.13")
    assert line_for(text, "Total:").endswith("$2.63")


def test_half_cent_tax_rounds_up_after_discount():
    # 1010.00 - 5% = 959.50; 5% tax = 47.975 -> 47.98
    text = render_invoice(make_invoice(("Desk", 2, "505.00")))
    assert line_for(text, "Tax").endswith("$47.98")
    assert line_for(text, "Total:").endswith("$1,007.48")
