"""Theatre ticketing."""
