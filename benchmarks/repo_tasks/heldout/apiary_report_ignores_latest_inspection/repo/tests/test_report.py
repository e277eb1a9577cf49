from datetime import date

from apiary.hive import Hive, Inspection
from apiary.logbook import Logbook
from apiary.report import treatment_list, yard_report

HIVES = [
    Hive("H1", "Orchard", queen_year=2023),
    Hive("H2", "Orchard", queen_year=2020),
    Hive("H3", "Heath", queen_year=2024),
]


def test_report_groups_by_yard():
    log = Logbook()
    log.record(Inspection("H1", date(2024, 6, 4), 6, 3, mites_counted=3))
    log.record(Inspection("H2", date(2024, 6, 4), 7, 4, mites_counted=12))
    report = yard_report(HIVES, log, today=date(2024, 6, 10))
    lines = report.splitlines()
    assert lines[0] == "Yard report for 2024-06-10"
    assert lines[1] == "== Heath =="
    assert lines[2] == "  H3: never inspected [OVERDUE]"
    assert lines[3] == "== Orchard =="
    assert lines[4].startswith("  H1: 2024-06-04, 6 brood / 3 honey, mites 1.0/100")
    assert lines[5].endswith("[REQUEEN TREAT]")


def test_treatment_list():
    log = Logbook()
    log.record(Inspection("H1", date(2024, 6, 4), 6, 3, mites_counted=3))
    log.record(Inspection("H2", date(2024, 6, 4), 7, 4, mites_counted=12))
    assert treatment_list(HIVES, log, today=date(2024, 6, 10)) == ["H2"]


def test_report_after_backfilling_older_notes():
    log = Logbook()
    log.record(Inspection("H3", date(2024, 6, 11), 5, 2, mites_counted=1))
    # paper notes from May typed in afterwards
    log.record(Inspection("H3", date(2024, 5, 14), 3, 1, mites_counted=15))
    report = yard_report(HIVES, log, today=date(2024, 6, 13))
    h3_line = next(line for line in report.splitlines() if line.startswith("  H3"))
    assert h3_line.startswith("  H3: 2024-06-11, 5 brood / 2 honey, mites 0.3/100")
    assert "TREAT" not in h3_line
    assert "OVERDUE" not in h3_line


def test_treatment_list_after_backfilling_older_notes():
    log = Logbook()
    log.record(Inspection("H1", date(2024, 9, 20), 5, 4, mites_counted=2))
    log.record(Inspection("H1", date(2024, 9, 3), 6, 4, mites_counted=14))
    assert treatment_list(HIVES, log, today=date(2024, 9, 24)) == []
