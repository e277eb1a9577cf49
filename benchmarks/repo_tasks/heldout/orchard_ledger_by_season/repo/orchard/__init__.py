"""Orchard harvest records."""
