"""Reading recipes and ingredient lines from text."""

import re

from .ingredients import Ingredient
from .quantities import parse_amount

UNITS = {
    "cup": "cups", "cups": "cups", "tbsp": "tbsp", "tablespoon": "tbsp",
    "tablespoons": "tbsp", "tsp": "tsp", "teaspoon": "tsp", "teaspoons": "tsp",
    "g": "g", "kg": "kg", "ml": "ml", "l": "l", "pinch": "pinch", "clove": "cloves",
    "cloves": "cloves", "can": "cans", "cans": "cans",
}

_AMOUNT_RE = re.compile(r"^(\d+(?:[./]\d+)?(?:\s+\d+/\d+)?)\s+(.*)$")


def parse_ingredient(line: str) -> Ingredient:
    """Parse a line such as ``"1 1/2 cups flour"`` or ``"salt to taste"``."""
    text = line.strip().lstrip("-*").strip()
    if not text:
        raise ValueError("empty ingredient line")
    match = _AMOUNT_RE.match(text)
    if not match:
        return Ingredient(None, None, text)
    quantity = parse_amount(match.group(1))
    rest = match.group(2)
    first, _, remainder = rest.partition(" ")
    unit = UNITS.get(first.lower())
    if unit and remainder:
        return Ingredient(quantity, unit, remainder.strip())
    return Ingredient(quantity, None, rest.strip())


def parse_recipe(text: str):
    """Parse the recipe text format described in the README."""
    from .recipe import Recipe

    lines = [line.rstrip() for line in text.strip().splitlines()]
    if not lines:
        raise ValueError("empty recipe")
    title = lines[0].strip()
    servings = 1
    ingredients, steps = [], []
    in_steps = False
    for line in lines[1:]:
        stripped = line.strip()
        if not stripped:
            continue
        if in_steps:
            steps.append(stripped)
        elif stripped.lower().startswith("serves "):
            servings = int(stripped.split()[1])
        elif stripped.lower() == "steps:":
            in_steps = True
        elif stripped.startswith(("-", "*")):
            ingredients.append(parse_ingredient(stripped))
        else:
            raise ValueError(f"unexpected line: {stripped!r}")
    return Recipe(title, servings, ingredients, steps)
