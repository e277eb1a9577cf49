"""Converting raw strings to typed values."""

import re

from .errors import ConfigValueError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_DURATION_RE = re.compile(r"^(\d+)\s*(ms|s|m|h|d)?$")
_DURATION_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


def to_bool(raw: str) -> bool:
    lowered = raw.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigValueError(f"not a boolean: {raw!r}")


def to_int(raw: str) -> int:
    try:
        return int(raw.replace("_", ""))
    except ValueError:
        raise ConfigValueError(f"not an integer: {raw!r}") from None


def to_list(raw: str) -> list:
    return [item.strip() for item in raw.split(",") if item.strip()]


def to_duration(raw: str) -> float:
    """Seconds in a duration such as ``"30s"``, ``"5m"`` or ``"250ms"``."""
    match = _DURATION_RE.match(raw.strip().lower())
    if not match:
        raise ConfigValueError(f"not a duration: {raw!r}")
    amount, unit = match.groups()
    return int(amount) * _DURATION_UNITS[unit]


CONVERTERS = {
    "str": str,
    "bool": to_bool,
    "int": to_int,
    "list": to_list,
    "duration": to_duration,
}


def convert(raw: str, type_name: str):
    try:
        converter = CONVERTERS[type_name]
    except KeyError:
        raise ValueError(f"unknown option type: {type_name}") from None
    return converter(raw)
