"""Render invoices as plain text."""

from decimal import Decimal

from .discounts import volume_discount
from .money import format_money, to_money
from .tax import DEFAULT_RATE, invoice_tax

WIDTH = 48


def _row(label: str, value: str) -> str:
    return f"{label:<{WIDTH - 14}}{value:>14}"


def invoice_totals(invoice, tax_rate: Decimal = DEFAULT_RATE) -> dict:
    """Return the subtotal, discount, tax and total of *invoice*."""
    subtotal = invoice.subtotal
    discount = volume_discount(subtotal)
    tax = invoice_tax(invoice, tax_rate)
    total = to_money(subtotal - discount + tax)
    return {"subtotal": subtotal, "discount": discount, "tax": tax, "total": total}


def render_invoice(invoice, tax_rate: Decimal = DEFAULT_RATE) -> str:
    """Return the printable text of *invoice*."""
    lines = [
        f"Invoice {invoice.number}",
        f"Date: {invoice.issued.isoformat()}",
        f"Bill to: {invoice.customer.name} <{invoice.customer.email}>",
        "-" * WIDTH,
    ]
    for item in invoice.items:
        label = f"{item.quantity} x {item.description} @ {format_money(item.unit_price)}"
        lines.append(_row(label, format_money(item.amount)))
    lines.append("-" * WIDTH)
    totals = invoice_totals(invoice, tax_rate)
    lines.append(_row("Subtotal:", format_money(totals["subtotal"])))
    if totals["discount"]:
        lines.append(_row("Discount:", format_money(-totals["discount"])))
    label = "Tax (exempt):" if invoice.customer.tax_exempt else f"Tax ({(tax_rate * 100).normalize():f}%):"
    lines.append(_row(label, format_money(totals["tax"])))
    lines.append(_row("Total:", format_money(totals["total"])))
    return "\n".join(lines)
