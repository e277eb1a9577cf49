"""Internal package manager building blocks."""
