"""Export the logbook for spreadsheets."""
from __future__ import annotations

import csv
import io

from .logbook import Logbook

COLUMNS = ["date", "route", "crag", "grade", "discipline", "style"]


def rows(logbook: Logbook) -> list[list[str]]:
    """One row per logged ascent, oldest first."""
    return [
        [
            a.climbed_on.isoformat(),
            a.route.name,
            a.route.crag,
            a.route.grade,
            a.route.discipline,
            a.style,
        ]
        for a in logbook
    ]


def to_csv(logbook: Logbook) -> str:
    """CSV text with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows(logbook))
    return buffer.getvalue()
