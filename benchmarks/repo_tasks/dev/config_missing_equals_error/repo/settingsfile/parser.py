"""Parse configuration text into ``{section: {key: raw value}}``."""

from .errors import ConfigSyntaxError

DEFAULT_SECTION = "main"


def parse(text: str) -> dict:
    """Parse INI-style *text*.

    Lines starting with ``#`` or ``;`` are comments.  Keys before the first
    ``[section]`` header belong to the ``main`` section.  Keys are
    lower-cased; values keep their case and lose surrounding whitespace.
    """
    sections = {DEFAULT_SECTION: {}}
    current = DEFAULT_SECTION
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                raise ConfigSyntaxError(f"line {number}: unclosed section header")
            current = line[1:-1].strip().lower()
            if not current:
                raise ConfigSyntaxError(f"line {number}: empty section name")
            sections.setdefault(current, {})
            continue
        key, sep, value = line.partition("=")
        if not sep:
            continue
        sections[current][key.strip().lower()] = value.strip()
    return sections
