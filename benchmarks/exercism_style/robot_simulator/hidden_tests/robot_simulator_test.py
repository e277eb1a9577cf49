import unittest

from robot_simulator import EAST, NORTH, SOUTH, WEST, Robot


class RobotSimulatorTest(unittest.TestCase):
    def test_directions_are_distinct(self):
        self.assertEqual(len({EAST, NORTH, WEST, SOUTH}), 4)

    # Creating robots
    def test_at_origin_facing_north(self):
        robot = Robot(NORTH, 0, 0)
        self.assertEqual(robot.coordinates, (0, 0))
        self.assertEqual(robot.direction, NORTH)

    def test_at_negative_position_facing_south(self):
        robot = Robot(SOUTH, -1, -1)
        self.assertEqual(robot.coordinates, (-1, -1))
        self.assertEqual(robot.direction, SOUTH)

    def test_default_robot(self):
        robot = Robot()
        self.assertEqual(robot.coordinates, (0, 0))
        self.assertEqual(robot.direction, NORTH)

    # Turning
    def test_rotating_clockwise(self):
        robot = Robot(NORTH, 0, 0)
        expected = [EAST, SOUTH, WEST, NORTH]
        for direction in expected:
            robot.move("R")
            self.assertEqual(robot.direction, direction)
            self.assertEqual(robot.coordinates, (0, 0))

    def test_rotating_counter_clockwise(self):
        robot = Robot(EAST, 0, 0)
        expected = [NORTH, WEST, SOUTH, EAST]
        for direction in expected:
            robot.move("L")
            self.assertEqual(robot.direction, direction)
            self.assertEqual(robot.coordinates, (0, 0))

    # Advancing
    def test_moving_forward_one_facing_north_increments_y(self):
        robot = Robot(NORTH, 0, 0)
        robot.move("A")
        self.assertEqual(robot.coordinates, (0, 1))
        self.assertEqual(robot.direction, NORTH)

    def test_moving_forward_one_facing_south_decrements_y(self):
        robot = Robot(SOUTH, 0, 0)
        robot.move("A")
        self.assertEqual(robot.coordinates, (0, -1))
        self.assertEqual(robot.direction, SOUTH)

    def test_moving_forward_one_facing_east_increments_x(self):
        robot = Robot(EAST, 0, 0)
        robot.move("A")
        self.assertEqual(robot.coordinates, (1, 0))
        self.assertEqual(robot.direction, EAST)

    def test_moving_forward_one_facing_west_decrements_x(self):
        robot = Robot(WEST, 0, 0)
        robot.move("A")
        self.assertEqual(robot.coordinates, (-1, 0))
        self.assertEqual(robot.direction, WEST)

    # Programs
    def test_moving_east_and_north_from_readme(self):
        robot = Robot(NORTH, 7, 3)
        robot.move("RAALAL")
        self.assertEqual(robot.coordinates, (9, 4))
        self.assertEqual(robot.direction, WEST)

    def test_moving_west_and_north(self):
        robot = Robot(NORTH, 0, 0)
        robot.move("LAAARALA")
        self.assertEqual(robot.coordinates, (-4, 1))
        self.assertEqual(robot.direction, WEST)

    def test_moving_west_and_south(self):
        robot = Robot(EAST, 2, -7)
        robot.move("RRAAAAALA")
        self.assertEqual(robot.coordinates, (-3, -8))
        self.assertEqual(robot.direction, SOUTH)

    def test_moving_east_and_north(self):
        robot = Robot(SOUTH, 8, 4)
        robot.move("LAAARRRALLLL")
        self.assertEqual(robot.coordinates, (11, 5))
        self.assertEqual(robot.direction, NORTH)

    def test_moves_continue_from_where_the_robot_is(self):
        robot = Robot(NORTH, 7, 3)
        robot.move("RAALAL")
        robot.move("")
        robot.move("LAAA")
        self.assertEqual(robot.coordinates, (9, 1))
        self.assertEqual(robot.direction, SOUTH)
