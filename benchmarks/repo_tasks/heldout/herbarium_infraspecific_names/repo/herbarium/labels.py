"""Sheet labels in the herbarium's house style."""
from __future__ import annotations

from datetime import date
from typing import Optional

from .specimen import Specimen
from .taxonomy import TaxonName

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)


def format_name(name: TaxonName, with_authority: bool = True) -> str:
    """Name line of a label, e.g. ``Salix alba var. vitellina (L.) Stokes``."""
    text = name.full_name
    if with_authority and name.authority:
        text = f"{text} {name.authority}"
    return text


def format_date(when: Optional[date]) -> str:
    if when is None:
        return "s.d."
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def format_elevation(metres: Optional[int]) -> str:
    return "" if metres is None else f"alt. {metres} m"


def label(specimen: Specimen) -> str:
    """Full label text, one field per line."""
    lines = [
        f"HERBARIUM {specimen.catalog_no}",
        format_name(specimen.name),
        f"{specimen.country}: {specimen.locality}",
    ]
    elevation = format_elevation(specimen.elevation_m)
    if elevation:
        lines.append(elevation)
    lines.append(f"leg. {specimen.collector} {specimen.collector_no}, {format_date(specimen.collected_on)}")
    if specimen.det_by:
        lines.append(f"det. {specimen.det_by}")
    return "\n".join(lines)
