"""Sales tax calculation."""

from decimal import Decimal

from .discounts import volume_discount
from .money import to_money

DEFAULT_RATE = Decimal("0.05")


def tax_for(amount: Decimal, rate: Decimal = DEFAULT_RATE) -> Decimal:
    """Tax due on a taxable *amount* at *rate*."""
    if rate < 0:
        raise ValueError("tax rate cannot be negative")
    return to_money(amount * rate)


def taxable_amount(invoice) -> Decimal:
    """The part of an invoice that is taxed: subtotal less discounts."""
    return to_money(invoice.subtotal - volume_discount(invoice.subtotal))


def invoice_tax(invoice, rate: Decimal = DEFAULT_RATE) -> Decimal:
    """Tax due on a whole invoice; tax-exempt customers pay none."""
    if invoice.customer.tax_exempt:
        return Decimal("0.00")
    return tax_for(taxable_amount(invoice), rate)
