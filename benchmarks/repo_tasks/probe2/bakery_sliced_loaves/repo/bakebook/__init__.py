"""Bakery pre-order book."""
