"""Importing a whole CSV file."""

from dataclasses import dataclass, field

from .reader import read_rows
from .validate import validate_row


@dataclass
class ImportResult:
    records: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def import_csv(source, schema, delimiter=","):
    """Read *source* (a path or open text file) and validate it against *schema*.

    The first non-blank row is the header.  Rows with errors are left out of
    ``records`` and described in ``errors``.
    """
    rows = read_rows(source, delimiter)
    try:
        _, header = next(rows)
    except StopIteration:
        raise ValueError("the file is empty") from None
    header = [name.strip() for name in header]
    missing = schema.missing_columns(header)
    if missing:
        raise ValueError(f"missing columns: {', '.join(missing)}")

    result = ImportResult()
    for line, row in rows:
        if len(row) != len(header):
            result.errors.append(
                f"line {line}: expected {len(header)} fields, got {len(row)}"
            )
            continue
        record, errors = validate_row(schema, dict(zip(header, row)), line)
        if errors:
            result.errors.extend(errors)
        else:
            result.records.append(record)
    return result
