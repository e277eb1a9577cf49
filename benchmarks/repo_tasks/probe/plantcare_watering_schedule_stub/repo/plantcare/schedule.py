"""When to water each plant, and how much."""
from __future__ import annotations


def watering_interval(plant, day):
    """Return the days between waterings for *plant* around *day*."""
    raise NotImplementedError


def water_amount_ml(plant):
    """Return the millilitres of water to give *plant* at each watering."""
    raise NotImplementedError


def next_watering(plant, journal, day):
    """Return the date *plant* should next be watered."""
    raise NotImplementedError


def due_list(plants, journal, day):
    """Return ``(name, days_overdue)`` for the plants to water on *day*."""
    raise NotImplementedError


def plan_week(plants, journal, start):
    """Return the watering plan for the seven days from *start*."""
    raise NotImplementedError


def format_plan(plan):
    """Return the plan as printed on the fridge."""
    raise NotImplementedError
