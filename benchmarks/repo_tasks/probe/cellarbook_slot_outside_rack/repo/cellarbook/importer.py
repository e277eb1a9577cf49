"""Importing the old cellar spreadsheet (exported as CSV).

Columns: rack, slot, producer, wine, vintage, colour, bottles,
drink_from, drink_until.  A header row is expected; ``NV`` is accepted as
the vintage of non-vintage wines.
"""
from __future__ import annotations

import csv
import io

from .cellar import Cellar
from .wines import Wine

COLUMNS = ["rack", "slot", "producer", "wine", "vintage", "colour",
           "bottles", "drink_from", "drink_until"]


class CellarImportError(ValueError):
    """A row of the spreadsheet could not be imported."""


def _wine(row: dict) -> Wine:
    vintage = 0 if row["vintage"].strip().upper() == "NV" else int(row["vintage"])
    return Wine(row["producer"].strip(), row["wine"].strip(), vintage,
                row["colour"].strip().lower(), int(row["drink_from"]), int(row["drink_until"]))


def import_csv(cellar: Cellar, text: str) -> int:
    """Store every row in *cellar*; returns the number of bottles imported.

    Errors are reported as ``line N: <problem>`` with the file's line number.
    """
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != COLUMNS:
        raise CellarImportError(f"line 1: expected columns {', '.join(COLUMNS)}")
    total = 0
    for row in reader:
        try:
            bottles = int(row["bottles"])
            cellar.store(_wine(row), row["rack"].strip(), row["slot"], bottles)
        except (ValueError, KeyError) as exc:
            message = exc.args[0] if exc.args else str(exc)
            raise CellarImportError(f"line {reader.line_num}: {message}") from None
        total += bottles
    return total
