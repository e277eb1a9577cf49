"""Car park entry, exit, occupancy and charging."""
