"""Pharmacy stock: batches, dispensing and stock reports."""
