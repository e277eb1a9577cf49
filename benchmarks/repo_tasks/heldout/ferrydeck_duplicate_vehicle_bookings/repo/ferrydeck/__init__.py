"""Ferry vehicle deck bookings."""
