"""Swimming pool lane bookings."""
