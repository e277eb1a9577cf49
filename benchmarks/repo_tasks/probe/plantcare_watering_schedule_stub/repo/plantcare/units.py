"""Volumes of water, as shown to the user."""
from __future__ import annotations


def format_volume(ml: int) -> str:
    """``"250 ml"`` below a litre, ``"1.5 l"`` from a litre up."""
    if ml < 0:
        raise ValueError("volume cannot be negative")
    if ml < 1000:
        return f"{ml} ml"
    return f"{ml / 1000:g} l"


def parse_volume(text: str) -> int:
    """Millilitres from ``"250 ml"``, ``"250ml"`` or ``"1.5 l"``."""
    text = text.strip().lower().replace(" ", "")
    if text.endswith("ml"):
        return int(float(text[:-2]))
    if text.endswith("l"):
        return int(round(float(text[:-1]) * 1000))
    raise ValueError(f"bad volume {text!r}")


def cups(ml: int) -> str:
    """Rough kitchen measure for people without a jug: ``"about 1 cup"``.

    A cup is taken as 250 ml and the answer is given to the nearest half cup.
    """
    halves = round(ml / 125)
    if halves == 0:
        return "a splash"
    count = halves / 2
    amount = f"{count:g}"
    noun = "cup" if count <= 1 else "cups"
    return f"about {amount} {noun}"
