import unittest

from clock import Clock


class ClockTest(unittest.TestCase):
    # Creating clocks
    def test_on_the_hour(self):
        self.assertEqual(str(Clock(8, 0)), "08:00")

    def test_past_the_hour(self):
        self.assertEqual(str(Clock(11, 9)), "11:09")

    def test_midnight_is_zero_hours(self):
        self.assertEqual(str(Clock(24, 0)), "00:00")

    def test_hours_roll_over(self):
        self.assertEqual(str(Clock(25, 0)), "01:00")
        self.assertEqual(str(Clock(100, 0)), "04:00")

    def test_minutes_roll_over(self):
        self.assertEqual(str(Clock(1, 160)), "03:40")
        self.assertEqual(str(Clock(201, 3001)), "11:01")

    def test_negative_hour(self):
        self.assertEqual(str(Clock(-1, 15)), "23:15")
        self.assertEqual(str(Clock(-91, 0)), "05:00")

    def test_negative_minutes(self):
        self.assertEqual(str(Clock(1, -40)), "00:20")
        self.assertEqual(str(Clock(2, -4820)), "17:40")

    def test_negative_hour_and_minutes_roll_over(self):
        self.assertEqual(str(Clock(-25, -160)), "20:20")
        self.assertEqual(str(Clock(-121, -5810)), "22:10")

    # repr
    def test_repr(self):
        self.assertEqual(repr(Clock(8, 0)), "Clock(8, 0)")
        self.assertEqual(repr(Clock(11, 9)), "Clock(11, 9)")

    def test_repr_is_normalised(self):
        self.assertEqual(repr(Clock(25, 61)), "Clock(2, 1)")
        self.assertEqual(repr(Clock(-1, -1)), "Clock(22, 59)")

    # Adding and subtracting minutes
    def test_add_minutes(self):
        self.assertEqual(str(Clock(10, 0) + 3), "10:03")
        self.assertEqual(str(Clock(0, 45) + 40), "01:25")

    def test_add_across_midnight_and_several_days(self):
        self.assertEqual(str(Clock(23, 59) + 2), "00:01")
        self.assertEqual(str(Clock(1, 1) + 3500), "11:21")

    def test_subtract_minutes(self):
        self.assertEqual(str(Clock(10, 3) - 3), "10:00")
        self.assertEqual(str(Clock(0, 3) - 4), "23:59")
        self.assertEqual(str(Clock(2, 20) - 3000), "00:20")

    def test_adding_returns_a_new_clock(self):
        clock = Clock(6, 15)
        later = clock + 30
        earlier = clock - 30
        self.assertIsInstance(later, Clock)
        self.assertIsInstance(earlier, Clock)
        self.assertEqual(str(later), "06:45")
        self.assertEqual(str(earlier), "05:45")
        self.assertEqual(str(clock), "06:15")

    # Equality
    def test_clocks_with_same_time_are_equal(self):
        self.assertEqual(Clock(15, 37), Clock(15, 37))
        self.assertEqual(Clock(1, 0), Clock(25, 0))
        self.assertEqual(Clock(-1, 0), Clock(23, 0))
        self.assertEqual(Clock(10, 0) + 60, Clock(11, 0))

    def test_clocks_with_different_time_are_not_equal(self):
        self.assertNotEqual(Clock(15, 36), Clock(15, 37))
        self.assertNotEqual(Clock(14, 37), Clock(15, 37))
        self.assertFalse(Clock(15, 36) == Clock(15, 37))
        self.assertTrue(Clock(15, 36) != Clock(15, 37))
