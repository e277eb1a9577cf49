"""A teacher's gradebook."""
