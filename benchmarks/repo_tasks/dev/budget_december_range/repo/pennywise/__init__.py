"""Personal budget tracking."""
