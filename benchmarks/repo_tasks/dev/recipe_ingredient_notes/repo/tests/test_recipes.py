from fractions import Fraction

import pytest

from recipebox.ingredients import Ingredient
from recipebox.parser import parse_ingredient, parse_recipe
from recipebox.quantities import format_amount, parse_amount
from recipebox.recipe import format_recipe
from recipebox.shopping import shopping_list

PANCAKES = """Pancakes
Serves 4
- 1 1/2 cups flour
- 2 eggs
- 1 1/4 cups milk
- 1 pinch salt
Steps:
Whisk everything together.
Fry in a hot pan.
"""


def test_amounts():
    assert parse_amount("1 1/2") == Fraction(3, 2)
    assert parse_amount("0.25") == Fraction(1, 4)
    assert format_amount(Fraction(9, 4)) == "2 1/4"
    assert format_amount(Fraction(2, 3)) == "2/3"
    with pytest.raises(ValueError):
        parse_amount("a bit")


def test_parse_ingredient():
    assert parse_ingredient("- 1 1/2 cups flour") == Ingredient(Fraction(3, 2), "cups", "flour")
    assert parse_ingredient("2 eggs") == Ingredient(2, None, "eggs")
    assert parse_ingredient("salt to taste") == Ingredient(None, None, "salt to taste")
    assert parse_ingredient("3 Tablespoons sugar").unit == "tbsp"


def test_parse_recipe():
    recipe = parse_recipe(PANCAKES)
    assert recipe.title == "Pancakes" and recipe.servings == 4
    assert len(recipe.ingredients) == 4
    assert recipe.steps == ["Whisk everything together.", "Fry in a hot pan."]


def test_scale_and_format():
    text = format_recipe(parse_recipe(PANCAKES).scaled_to(2))
    assert text.splitlines() == [
        "Pancakes", "Serves 2", "- 3/4 cups flour", "- 1 eggs", "- 5/8 cups milk",
        "- 1/2 pinch salt", "Steps:", "1. Whisk everything together.", "2. Fry in a hot pan.",
    ]


def test_shopping_list_combines():
    a = parse_recipe(PANCAKES)
    b = parse_recipe("Bread\nServes 1\n- 3 cups flour\n- salt to taste\n")
    assert shopping_list([a, b]) == [
        "2 eggs", "4 1/2 cups flour", "1 1/4 cups milk", "1 pinch salt", "salt to taste",
    ]


def test_unexpected_line():
    with pytest.raises(ValueError):
        parse_recipe("Soup\nServes 2\nboil water\n")
