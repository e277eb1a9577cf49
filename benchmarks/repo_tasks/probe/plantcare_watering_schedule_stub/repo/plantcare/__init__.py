"""House-plant care: species, watering journal and schedule."""
