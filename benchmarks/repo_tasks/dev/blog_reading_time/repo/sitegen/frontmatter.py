"""Split a post file into its front-matter fields and body."""

from datetime import date


def split_front_matter(text: str):
    """Return ``(fields, body)``; files without a header have no fields."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise ValueError("front matter is not closed with ---") from None
    fields = {}
    for line in lines[1:end]:
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"bad front matter line: {line!r}")
        fields[key.strip().lower()] = value.strip()
    body = "\n".join(lines[end + 1:]).lstrip("\n")
    return fields, body


def parse_fields(fields: dict) -> dict:
    """Convert raw field strings: ``date`` to a date, ``tags`` to a list."""
    result = dict(fields)
    if "date" in result:
        result["date"] = date.fromisoformat(result["date"])
    if "tags" in result:
        result["tags"] = [t.strip().lower() for t in result["tags"].split(",") if t.strip()]
    if "draft" in result:
        result["draft"] = result["draft"].lower() in ("yes", "true", "1")
    return result
