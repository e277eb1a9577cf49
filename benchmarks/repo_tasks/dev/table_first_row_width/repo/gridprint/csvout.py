"""The same data as CSV, for piping into spreadsheets."""

import csv
import io

from .cells import format_cell


def to_csv(headers, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([format_cell(v) for v in row])
    return out.getvalue()
