"""Climbing logbook."""
