"""Parsing a single cron field into the set of values it allows."""

from .aliases import NAMES_BY_FIELD

# (field name, lowest value, highest value), in expression order.
FIELD_SPECS = [
    ("minute", 0, 59),
    ("hour", 0, 23),
    ("day", 1, 31),
    ("month", 1, 12),
    ("weekday", 0, 6),
]


def _number(text: str, name: str) -> int:
    names = NAMES_BY_FIELD.get(name, {})
    upper = text.upper()
    if upper in names:
        return names[upper]
    if not text.isdigit():
        raise ValueError(f"invalid {name} value {text!r}")
    return int(text)


def parse_field(text: str, name: str, low: int, high: int) -> frozenset:
    """Return the values allowed by *text* for a field ranging *low*..*high*.

    >>> sorted(parse_field("*/15", "minute", 0, 59))
    [0, 15, 30, 45]
    """
    values = set()
    for part in text.split(","):
        if not part:
            raise ValueError(f"empty item in {name} field {text!r}")
        base, slash, step_text = part.partition("/")
        step = 1
        if slash:
            if not step_text.isdigit() or int(step_text) == 0:
                raise ValueError(f"invalid step in {name} field {part!r}")
            step = int(step_text)
        if base == "*":
            start, end = low, high
        elif "-" in base:
            first, _, last = base.partition("-")
            start, end = _number(first, name), _number(last, name)
            if start > end:
                raise ValueError(f"{name} range {base!r} is backwards")
        else:
            start = _number(base, name)
            end = high if slash else start
        values.update(range(start, end + 1, step))
    return frozenset(values)


def is_wildcard(text: str) -> bool:
    return text == "*"
