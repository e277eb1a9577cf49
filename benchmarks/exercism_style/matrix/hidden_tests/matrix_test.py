import unittest

from matrix import Matrix


class MatrixTest(unittest.TestCase):
    def test_row_of_a_one_number_matrix(self):
        self.assertEqual(Matrix("1").row(1), [1])

    def test_column_of_a_one_number_matrix(self):
        self.assertEqual(Matrix("1").column(1), [1])

    def test_row_of_a_square_matrix(self):
        matrix = Matrix("9 8 7\n5 3 2\n6 6 7")
        self.assertEqual(matrix.row(2), [5, 3, 2])

    def test_first_and_last_row(self):
        matrix = Matrix("9 8 7\n5 3 2\n6 6 7")
        self.assertEqual(matrix.row(1), [9, 8, 7])
        self.assertEqual(matrix.row(3), [6, 6, 7])

    def test_column_of_a_square_matrix(self):
        matrix = Matrix("9 8 7\n5 3 2\n6 6 7")
        self.assertEqual(matrix.column(3), [7, 2, 7])

    def test_row_with_numbers_of_several_digits(self):
        matrix = Matrix("1 2\n10 20")
        self.assertEqual(matrix.row(2), [10, 20])

    def test_row_of_a_matrix_with_more_rows_than_columns(self):
        matrix = Matrix("1 2\n3 4\n5 6\n7 8")
        self.assertEqual(matrix.row(4), [7, 8])

    def test_column_of_a_matrix_with_more_rows_than_columns(self):
        matrix = Matrix("1 2\n3 4\n5 6\n7 8")
        self.assertEqual(matrix.column(2), [2, 4, 6, 8])

    def test_column_of_a_single_row_matrix(self):
        matrix = Matrix("4 5 6 7")
        self.assertEqual(matrix.column(3), [6])

    def test_column_of_a_matrix_with_more_columns_than_rows(self):
        matrix = Matrix("89 1903 3\n18 3 1\n9 4 800")
        self.assertEqual(matrix.column(2), [1903, 3, 4])
        matrix = Matrix("1 2 3 4\n5 6 7 8")
        self.assertEqual(matrix.column(4), [4, 8])

    def test_values_are_integers(self):
        matrix = Matrix("12 7\n3 45")
        self.assertTrue(all(type(value) is int for value in matrix.row(1)))
        self.assertTrue(all(type(value) is int for value in matrix.column(2)))

    def test_changing_a_returned_row_does_not_change_the_matrix(self):
        matrix = Matrix("1 2\n3 4")
        row = matrix.row(1)
        row[0] = 99
        row.append(5)
        self.assertEqual(matrix.row(1), [1, 2])
        self.assertEqual(matrix.column(1), [1, 3])

    def test_changing_a_returned_column_does_not_change_the_matrix(self):
        matrix = Matrix("1 2\n3 4")
        column = matrix.column(2)
        column[1] = 99
        self.assertEqual(matrix.column(2), [2, 4])
        self.assertEqual(matrix.row(2), [3, 4])
