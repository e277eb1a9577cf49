"""Import specimens from field-trip spreadsheets saved as CSV."""
from __future__ import annotations

import csv
import io
from datetime import date
from typing import Optional

from .catalog import Catalog
from .specimen import Specimen
from .taxonomy import parse_name

COLUMNS = ("catalog_no", "name", "collector", "collector_no", "date", "locality", "country", "elevation")


def _parse_date(text: str) -> Optional[date]:
    text = text.strip()
    return date.fromisoformat(text) if text else None


def _parse_elevation(text: str) -> Optional[int]:
    text = text.strip().lower().removesuffix("m").strip()
    return int(text) if text else None


def import_csv(text: str, catalog: Optional[Catalog] = None) -> Catalog:
    """Add every row of the CSV text to ``catalog`` (a new one by default)."""
    catalog = catalog if catalog is not None else Catalog()
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"missing columns: {', '.join(missing)}")
    for row in reader:
        catalog.add(
            Specimen(
                catalog_no=row["catalog_no"].strip(),
                name=parse_name(row["name"]),
                collector=row["collector"].strip(),
                collector_no=row["collector_no"].strip(),
                collected_on=_parse_date(row["date"]),
                locality=row["locality"].strip(),
                country=row["country"].strip(),
                elevation_m=_parse_elevation(row["elevation"]),
            )
        )
    return catalog
