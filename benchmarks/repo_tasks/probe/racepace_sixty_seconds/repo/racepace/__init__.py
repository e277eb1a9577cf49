"""Running pace, splits and race time predictions."""
