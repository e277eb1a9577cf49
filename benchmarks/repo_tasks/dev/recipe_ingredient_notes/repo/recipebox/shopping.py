"""Combined shopping lists for several recipes."""

from fractions import Fraction

from .quantities import format_amount


def shopping_list(recipes):
    """Lines of a shopping list, one per (name, unit), sorted by name.

    Amounts of the same ingredient in the same unit are added together;
    ingredients without an amount are listed once.
    """
    totals = {}
    for recipe in recipes:
        for ing in recipe.ingredients:
            key = (ing.name.lower(), ing.unit)
            if ing.quantity is None:
                totals.setdefault(key, None)
            else:
                totals[key] = (totals.get(key) or Fraction(0)) + ing.quantity
    lines = []
    for (name, unit), amount in sorted(totals.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if amount is None:
            lines.append(name)
        else:
            lines.append(" ".join(p for p in (format_amount(amount), unit, name) if p))
    return lines
