"""Invoicing: customers, invoices, discounts, tax and rendering."""

__version__ = "0.4.1"
