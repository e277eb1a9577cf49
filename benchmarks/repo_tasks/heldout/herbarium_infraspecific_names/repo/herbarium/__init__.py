"""Herbarium specimen catalogue."""
