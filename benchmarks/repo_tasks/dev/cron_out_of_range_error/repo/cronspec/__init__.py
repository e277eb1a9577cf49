"""Cron expressions: parsing, matching, scheduling and descriptions."""
