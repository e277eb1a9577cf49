"""Recipes: parsing, scaling, formatting and shopping lists."""
