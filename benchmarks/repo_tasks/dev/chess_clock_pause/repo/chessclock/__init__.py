"""A two-player chess clock."""

PLAYERS = ("white", "black")
