"""Unit conversion for lengths, masses, volumes and temperatures."""
