"""Column schemas: which columns a file must have and how to convert them."""

from dataclasses import dataclass
from datetime import date


def _to_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered in ("1", "true", "yes", "y"):
        return True
    if lowered in ("0", "false", "no", "n"):
        return False
    raise ValueError(text)


CONVERTERS = {
    "str": str,
    "int": int,
    "float": float,
    "bool": _to_bool,
    "date": date.fromisoformat,
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "str"
    required: bool = True

    def __post_init__(self):
        if self.type not in CONVERTERS:
            raise ValueError(f"unknown field type: {self.type}")

    def convert(self, text: str):
        return CONVERTERS[self.type](text)


class Schema:
    def __init__(self, fields):
        self.fields = list(fields)
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError("duplicate field names in schema")

    def missing_columns(self, header):
        """Required fields that do not appear in *header*."""
        return [f.name for f in self.fields if f.required and f.name not in header]


def parse_schema(spec: str) -> Schema:
    """Build a schema from ``"name:type,other:type?"`` (``?`` marks optional)."""
    fields = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        name, _, type_ = part.partition(":")
        type_ = type_.strip() or "str"
        required = not type_.endswith("?")
        fields.append(Field(name.strip(), type_.rstrip("?"), required))
    if not fields:
        raise ValueError("empty schema")
    return Schema(fields)
