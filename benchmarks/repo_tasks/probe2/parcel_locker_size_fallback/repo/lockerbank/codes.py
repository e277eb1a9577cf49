"""Six-digit pickup codes."""
from __future__ import annotations

import hashlib


def pickup_code(parcel_id: str, attempt: int = 0) -> str:
    """A six-digit code derived from the parcel id (may start with 0).

    *attempt* lets the caller draw another code if this one is in use.
    """
    digest = hashlib.sha256(f"{parcel_id}:{attempt}".encode()).hexdigest()
    return f"{int(digest, 16) % 1_000_000:06d}"


def normalise_code(typed: str) -> str:
    """What the recipient typed on the keypad, without spaces or dashes."""
    code = typed.replace(" ", "").replace("-", "")
    if len(code) != 6 or not code.isdigit():
        raise ValueError(f"a pickup code is six digits, got {typed!r}")
    return code


def unique_code(parcel_id: str, codes_in_use: set[str]) -> str:
    """The first of the parcel's codes that no waiting parcel has."""
    attempt = 0
    while True:
        code = pickup_code(parcel_id, attempt)
        if code not in codes_in_use:
            return code
        attempt += 1
