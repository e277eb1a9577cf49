"""Launderette machine log and daily summary."""
