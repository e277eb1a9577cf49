"""Checking and converting one row against a schema."""


def validate_row(schema, raw: dict, line: int):
    """Return ``(record, errors)`` for the raw string values of one row."""
    record, errors = {}, []
    for field in schema.fields:
        value = (raw.get(field.name) or "").strip()
        if not value:
            if field.required:
                errors.append(f"line {line}: {field.name} is required")
            else:
                record[field.name] = None
            continue
        try:
            record[field.name] = field.convert(value)
        except ValueError:
            errors.append(f"line {line}: {field.name}: invalid {field.type} {value!r}")
    return record, errors
