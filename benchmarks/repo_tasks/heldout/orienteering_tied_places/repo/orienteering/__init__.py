"""Orienteering event results."""
