# Globals for the directions
# Change the values as you see fit, but they must all be different
EAST = None
NORTH = None
WEST = None
SOUTH = None


class Robot:
    def __init__(self, direction=NORTH, x_pos=0, y_pos=0):
        pass
