"""CSV import and export of class rosters."""

import csv
import io

from .students import Roster, Student

COLUMNS = ["student_id", "first_name", "last_name"]


def read_roster(text: str) -> Roster:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"roster is missing columns: {', '.join(missing)}")
    return Roster(Student(row["student_id"].strip(), row["first_name"].strip(),
                          row["last_name"].strip()) for row in reader)


def write_roster(roster: Roster) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for s in roster:
        writer.writerow([s.student_id, s.first_name, s.last_name])
    return out.getvalue()
