"""Bin-level stock keeping."""
