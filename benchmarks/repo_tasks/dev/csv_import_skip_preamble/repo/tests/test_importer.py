import io
from datetime import date

import pytest

from csvimport.importer import import_csv
from csvimport.reader import rows_from_text, sniff_delimiter
from csvimport.schema import parse_schema

SCHEMA = parse_schema("sku:str,qty:int,expires:date?")


def test_reads_typed_records():
    text = "sku,qty,expires\nA-1,3,2024-05-01\nB-2,10,\n"
    result = import_csv(io.StringIO(text), SCHEMA)
    assert result.ok
    assert result.records == [
        {"sku": "A-1", "qty": 3, "expires": date(2024, 5, 1)},
        {"sku": "B-2", "qty": 10, "expires": None},
    ]


def test_errors_carry_line_numbers():
    text = "sku,qty\nA-1,three\n\n,4\nC-3,1,extra\n"
    result = import_csv(io.StringIO(text), SCHEMA)
    assert result.records == []
    assert result.errors == [
        "line 2: qty: invalid int 'three'",
        "line 4: sku is required",
        "line 5: expected 2 fields, got 3",
    ]


def test_missing_column():
    with pytest.raises(ValueError, match="missing columns: qty"):
        import_csv(io.StringIO("sku\nA\n"), SCHEMA)


def test_semicolon_delimiter():
    result = import_csv(io.StringIO("sku;qty\nA;1\n"), SCHEMA, delimiter=";")
    assert result.records == [{"sku": "A", "qty": 1, "expires": None}]


def test_reader_helpers():
    assert rows_from_text("a,b\n\n1,2\n") == [(1, ["a", "b"]), (3, ["1", "2"])]
    assert sniff_delimiter("a;b;c\n1;2;3\n") == ";"


def test_schema_flags():
    schema = parse_schema("a:int, b:bool?")
    assert [(f.name, f.type, f.required) for f in schema.fields] == [
        ("a", "int", True), ("b", "bool", False)]


PREAMBLE = "Stock export\nGenerated 2024-05-01 by WMS\n\nsku,qty\nA-1,3\nB-2,x\n"


def test_skip_rows_ignores_preamble():
    result = import_csv(io.StringIO(PREAMBLE), SCHEMA, skip_rows=3)
    assert result.records == [{"sku": "A-1", "qty": 3, "expires": None}]
    assert result.errors == ["line 6: qty: invalid int 'x'"]


def test_skip_rows_default_is_zero():
    result = import_csv(io.StringIO("sku,qty\nA-1,3\n"), SCHEMA, skip_rows=0)
    assert result.records == [{"sku": "A-1", "qty": 3, "expires": None}]
