"""Plain-text tables."""
