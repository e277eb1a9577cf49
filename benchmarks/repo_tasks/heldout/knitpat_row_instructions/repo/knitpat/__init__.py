"""Knitting pattern helpers."""
