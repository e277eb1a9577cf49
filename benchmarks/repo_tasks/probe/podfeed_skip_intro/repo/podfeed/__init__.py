"""Podcast feeds, subscriptions and playback state."""
