import unittest

from luhn import Luhn


class LuhnTest(unittest.TestCase):
    def test_single_digit_strings_can_not_be_valid(self):
        self.assertIs(Luhn("1").valid(), False)

    def test_a_single_zero_is_invalid(self):
        self.assertIs(Luhn("0").valid(), False)
        self.assertIs(Luhn(" 0").valid(), False)

    def test_a_simple_valid_number_that_remains_valid_if_reversed(self):
        self.assertIs(Luhn("059").valid(), True)

    def test_a_simple_valid_number_that_becomes_invalid_if_reversed(self):
        self.assertIs(Luhn("59").valid(), True)
        self.assertIs(Luhn("95").valid(), False)

    def test_a_valid_canadian_sin(self):
        self.assertIs(Luhn("055 444 285").valid(), True)

    def test_invalid_canadian_sin(self):
        self.assertIs(Luhn("055 444 286").valid(), False)

    def test_valid_credit_card_from_the_instructions(self):
        self.assertIs(Luhn("4539 3195 0343 6467").valid(), True)

    def test_invalid_credit_card_from_the_instructions(self):
        self.assertIs(Luhn("8273 1232 7352 0569").valid(), False)

    def test_valid_number_with_an_even_number_of_digits(self):
        self.assertIs(Luhn("095 245 88").valid(), True)

    def test_valid_number_with_an_odd_number_of_spaces(self):
        self.assertIs(Luhn("234 567 891 234").valid(), True)

    def test_non_digit_characters_make_the_number_invalid(self):
        self.assertIs(Luhn("059a").valid(), False)
        self.assertIs(Luhn("055-444-285").valid(), False)
        self.assertIs(Luhn("055# 444$ 285").valid(), False)

    def test_spaces_do_not_count_as_digits(self):
        self.assertIs(Luhn(" 0").valid(), False)
        self.assertIs(Luhn("0 0").valid(), True)

    def test_more_than_a_single_zero_is_valid(self):
        self.assertIs(Luhn("0000 0").valid(), True)
        self.assertIs(Luhn("00").valid(), True)

    def test_input_digit_9_is_correctly_converted(self):
        self.assertIs(Luhn("091").valid(), True)

    def test_doubled_digits_greater_than_nine(self):
        self.assertIs(Luhn("9999999999 9999999999 9999999999 9999999999").valid(), True)
        self.assertIs(Luhn("109").valid(), True)

    def test_valid_can_be_called_several_times(self):
        number = Luhn("055 444 285")
        self.assertIs(number.valid(), True)
        self.assertIs(number.valid(), True)
