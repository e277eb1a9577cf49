"""Finite state machines with guards and callbacks."""
