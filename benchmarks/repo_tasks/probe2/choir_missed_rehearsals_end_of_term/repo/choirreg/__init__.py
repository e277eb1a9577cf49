"""Community choir attendance register."""
