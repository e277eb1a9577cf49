import unittest

from queen_attack import Queen


class QueenAttackTest(unittest.TestCase):
    # Creating queens
    def test_queen_with_a_valid_position(self):
        Queen(2, 2)
        Queen(0, 0)
        Queen(7, 7)

    def test_queen_must_have_positive_row(self):
        with self.assertRaises(ValueError) as err:
            Queen(-2, 2)
        self.assertEqual(err.exception.args[0], "row not positive")

    def test_queen_must_have_row_on_board(self):
        with self.assertRaises(ValueError) as err:
            Queen(8, 4)
        self.assertEqual(err.exception.args[0], "row not on board")

    def test_queen_must_have_positive_column(self):
        with self.assertRaises(ValueError) as err:
            Queen(2, -2)
        self.assertEqual(err.exception.args[0], "column not positive")

    def test_queen_must_have_column_on_board(self):
        with self.assertRaises(ValueError) as err:
            Queen(4, 8)
        self.assertEqual(err.exception.args[0], "column not on board")

    def test_row_is_checked_before_column(self):
        with self.assertRaises(ValueError) as err:
            Queen(9, -1)
        self.assertEqual(err.exception.args[0], "row not on board")

    # Attacks
    def test_cannot_attack(self):
        self.assertIs(Queen(2, 4).can_attack(Queen(6, 6)), False)
        self.assertIs(Queen(0, 0).can_attack(Queen(7, 1)), False)

    def test_can_attack_on_same_row(self):
        self.assertIs(Queen(2, 4).can_attack(Queen(2, 6)), True)

    def test_can_attack_on_same_column(self):
        self.assertIs(Queen(4, 5).can_attack(Queen(2, 5)), True)

    def test_can_attack_on_first_diagonal(self):
        self.assertIs(Queen(2, 2).can_attack(Queen(0, 4)), True)

    def test_can_attack_on_second_diagonal(self):
        self.assertIs(Queen(2, 2).can_attack(Queen(3, 1)), True)

    def test_can_attack_on_third_diagonal(self):
        self.assertIs(Queen(2, 2).can_attack(Queen(1, 1)), True)

    def test_can_attack_on_fourth_diagonal(self):
        self.assertIs(Queen(1, 7).can_attack(Queen(0, 6)), True)

    def test_attack_across_the_board(self):
        self.assertIs(Queen(2, 3).can_attack(Queen(5, 6)), True)
        self.assertIs(Queen(7, 0).can_attack(Queen(0, 7)), True)

    def test_cannot_attack_if_falling_diagonals_are_only_the_same_when_reflected(self):
        self.assertIs(Queen(4, 1).can_attack(Queen(2, 5)), False)

    def test_queens_on_the_same_square(self):
        with self.assertRaises(ValueError) as err:
            Queen(2, 4).can_attack(Queen(2, 4))
        self.assertEqual(
            err.exception.args[0],
            "Invalid queen position: both queens in the same square",
        )
