"""Homebrew recipe calculations."""
