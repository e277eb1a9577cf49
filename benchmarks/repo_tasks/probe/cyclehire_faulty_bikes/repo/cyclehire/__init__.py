"""Bike-share docking stations, rentals and pricing."""
