"""Low-level reading of CSV rows with their line numbers."""

import csv
import io


def _open(source):
    """Return (file object, should_close) for a path or an open text file."""
    if isinstance(source, (str, bytes)) or hasattr(source, "__fspath__"):
        return open(source, newline="", encoding="utf-8-sig"), True
    return source, False


def read_rows(source, delimiter=","):
    """Yield ``(line_number, row)`` for each non-blank row of *source*.

    *source* is a path or an open text file.  Line numbers are 1-based and
    refer to the line on which the row ends in the file.
    """
    if len(delimiter) != 1:
        raise ValueError("delimiter must be a single character")
    handle, close = _open(source)
    try:
        reader = csv.reader(handle, delimiter=delimiter)
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            yield reader.line_num, row
    finally:
        if close:
            handle.close()


def sniff_delimiter(sample: str, candidates=",;\t|") -> str:
    """Guess the delimiter used in *sample*, defaulting to a comma."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=candidates).delimiter
    except csv.Error:
        return ","


def rows_from_text(text: str, delimiter=","):
    """Convenience wrapper for reading rows from a string."""
    return list(read_rows(io.StringIO(text), delimiter))
