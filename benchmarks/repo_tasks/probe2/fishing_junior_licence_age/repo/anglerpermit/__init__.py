"""River fishing association licence desk."""
