"""Command-line front end: ``python -m csvimport.cli FILE --schema SPEC``."""

import argparse
import json
import sys

from .importer import import_csv
from .schema import parse_schema


def build_parser():
    parser = argparse.ArgumentParser(prog="csvimport", description=__doc__)
    parser.add_argument("file", help="CSV file to import")
    parser.add_argument("--schema", required=True,
                        help='columns, e.g. "sku:str,qty:int,expires:date?"')
    parser.add_argument("--delimiter", default=",", help="field separator (default ,)")
    parser.add_argument("--json", action="store_true",
                        help="print the imported records as JSON lines")
    return parser


def main(argv=None, out=None):
    """Run the importer; returns 0 when every row imported cleanly, else 1."""
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    schema = parse_schema(args.schema)
    try:
        result = import_csv(args.file, schema, delimiter=args.delimiter)
    except ValueError as exc:
        print(f"error: {exc}", file=out)
        return 2
    print(f"imported {len(result.records)} rows, {len(result.errors)} errors", file=out)
    for message in result.errors:
        print(message, file=out)
    if args.json:
        for record in result.records:
            print(json.dumps(record, default=str), file=out)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
