"""A tiny HTTP router."""
