import unittest

from allergies import Allergies

ALL_ITEMS = ["eggs", "peanuts", "shellfish", "strawberries",
             "tomatoes", "chocolate", "pollen", "cats"]


class AllergiesTest(unittest.TestCase):
    def test_not_allergic_to_anything(self):
        allergies = Allergies(0)
        for item in ALL_ITEMS:
            self.assertIs(allergies.allergic_to(item), False)

    def test_allergic_only_to_eggs(self):
        allergies = Allergies(1)
        self.assertIs(allergies.allergic_to("eggs"), True)
        self.assertIs(allergies.allergic_to("peanuts"), False)

    def test_allergic_to_eggs_and_something_else(self):
        self.assertIs(Allergies(3).allergic_to("eggs"), True)
        self.assertIs(Allergies(5).allergic_to("eggs"), True)

    def test_allergic_to_something_but_not_peanuts(self):
        self.assertIs(Allergies(5).allergic_to("peanuts"), False)
        self.assertIs(Allergies(509).allergic_to("peanuts"), False)

    def test_allergic_to_cats_and_chocolate(self):
        allergies = Allergies(160)
        self.assertIs(allergies.allergic_to("cats"), True)
        self.assertIs(allergies.allergic_to("chocolate"), True)
        self.assertIs(allergies.allergic_to("pollen"), False)

    def test_allergic_to_everything(self):
        allergies = Allergies(255)
        for item in ALL_ITEMS:
            self.assertIs(allergies.allergic_to(item), True)

    def test_no_allergies_list(self):
        self.assertEqual(Allergies(0).lst, [])

    def test_just_one_allergy(self):
        self.assertEqual(Allergies(1).lst, ["eggs"])
        self.assertEqual(Allergies(8).lst, ["strawberries"])

    def test_two_allergies_in_table_order(self):
        self.assertEqual(Allergies(34).lst, ["peanuts", "chocolate"])
        self.assertEqual(Allergies(5).lst, ["eggs", "shellfish"])

    def test_more_than_two_allergies(self):
        self.assertEqual(Allergies(248).lst, ["strawberries", "tomatoes", "chocolate", "pollen", "cats"])

    def test_everything_list(self):
        self.assertEqual(Allergies(255).lst, ALL_ITEMS)

    def test_values_without_an_item_are_ignored(self):
        self.assertEqual(Allergies(257).lst, ["eggs"])
        self.assertEqual(Allergies(256).lst, [])
        self.assertIs(Allergies(256).allergic_to("eggs"), False)

    def test_every_item_but_peanuts_with_large_score(self):
        self.assertEqual(
            Allergies(509).lst,
            ["eggs", "shellfish", "strawberries", "tomatoes", "chocolate", "pollen", "cats"],
        )
