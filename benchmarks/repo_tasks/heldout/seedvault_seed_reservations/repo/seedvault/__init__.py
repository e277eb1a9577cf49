"""Seed library inventory."""
