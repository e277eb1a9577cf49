"""Lights and night-passage planning."""
