"""Tide tables, tide curves and harbour access windows."""
