"""Kiln firing schedules and logs."""
