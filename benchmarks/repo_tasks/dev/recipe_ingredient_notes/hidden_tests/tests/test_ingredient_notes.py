from fractions import Fraction

from recipebox.parser import parse_ingredient, parse_recipe
from recipebox.recipe import format_recipe
from recipebox.shopping import shopping_list

SOUP = """Onion soup
Serves 2
- 2 onions, finely sliced
- 1 clove garlic, crushed
- 500 ml stock
- 1 tbsp butter
Steps:
Soften the onions in the butter.
"""


def test_note_is_separated_from_name():
    ing = parse_ingredient("2 cups flour, sifted")
    assert ing.name == "flour"
    assert ing.note == "sifted"
    assert ing.quantity == 2 and ing.unit == "cups"


def test_note_without_unit_or_amount():
    ing = parse_ingredient("1 onion, finely chopped")
    assert (ing.quantity, ing.unit, ing.name, ing.note) == (1, None, "onion", "finely chopped")
    ing = parse_ingredient("parsley, to garnish")
    assert (ing.quantity, ing.name, ing.note) == (None, "parsley", "to garnish")


def test_no_note_is_none():
    assert parse_ingredient("3 eggs").note is None


def test_formatted_recipe_shows_notes():
    text = format_recipe(parse_recipe(SOUP))
    assert text.splitlines()[2:6] == [
        "- 2 onions (finely sliced)",
        "- 1 cloves garlic (crushed)",
        "- 500 ml stock",
        "- 1 tbsp butter",
    ]


def test_notes_survive_scaling():
    text = format_recipe(parse_recipe(SOUP).scaled_to(4))
    assert "- 4 onions (finely sliced)" in text.splitlines()
    assert "- 2 cloves garlic (crushed)" in text.splitlines()


def test_shopping_list_ignores_notes():
    cake = parse_recipe("Cake\nServes 8\n- 2 cups flour, sifted\n- 1 cup sugar\n")
    bread = parse_recipe("Bread\nServes 1\n- 3 cups flour\n")
    assert shopping_list([cake, bread]) == ["5 cups flour", "1 cups sugar"]
    assert parse_recipe(SOUP).ingredients[0].quantity == Fraction(2)
