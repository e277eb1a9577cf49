"""Beekeeping records: hives, inspections, mite loads and yard reports."""

__version__ = "0.4.1"
