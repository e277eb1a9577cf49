"""Package names."""

import re

_NAME_RE = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")


def is_valid_name(name: str) -> bool:
    return bool(_NAME_RE.match(name))


def normalise_name(name: str) -> str:
    """Lower-case and collapse runs of ``-``, ``_`` and ``.`` into ``-``."""
    if not is_valid_name(name):
        raise ValueError(f"invalid package name: {name!r}")
    return re.sub(r"[-_.]+", "-", name).lower()
