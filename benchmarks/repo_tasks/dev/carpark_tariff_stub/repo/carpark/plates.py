"""Number plates."""

import re

_VALID_RE = re.compile(r"^[A-Z0-9]{2,8}$")


def normalise_plate(text: str) -> str:
    """Upper-case a plate and drop spaces and dashes: ``"ab12 cde"`` -> ``"AB12CDE"``."""
    return re.sub(r"[\s-]", "", text).upper()


def is_valid_plate(text: str) -> bool:
    return bool(_VALID_RE.match(normalise_plate(text)))
