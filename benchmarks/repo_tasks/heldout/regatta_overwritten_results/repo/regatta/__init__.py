"""Handicap dinghy racing results."""
