"""A small static site generator for a blog."""
