"""Small-animal veterinary practice helpers."""
