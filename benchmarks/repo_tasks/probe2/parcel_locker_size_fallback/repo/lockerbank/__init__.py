"""Parcel locker bank."""
