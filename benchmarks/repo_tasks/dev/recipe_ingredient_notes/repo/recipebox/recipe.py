"""Recipes, scaling and formatting."""

from dataclasses import dataclass, field
from fractions import Fraction


@dataclass
class Recipe:
    title: str
    servings: int
    ingredients: list = field(default_factory=list)
    steps: list = field(default_factory=list)

    def scaled_to(self, servings: int) -> "Recipe":
        """A copy of the recipe adjusted to feed *servings* people."""
        if servings <= 0:
            raise ValueError("servings must be positive")
        factor = Fraction(servings, self.servings)
        return Recipe(self.title, servings,
                      [ing.scaled(factor) for ing in self.ingredients], list(self.steps))


def format_recipe(recipe: Recipe) -> str:
    """Render a recipe back into the text format."""
    lines = [recipe.title, f"Serves {recipe.servings}"]
    lines += [f"- {ing.describe()}" for ing in recipe.ingredients]
    if recipe.steps:
        lines.append("Steps:")
        lines += [f"{n}. {step}" for n, step in enumerate(recipe.steps, 1)]
    return "\n".join(lines)
