"""Guards against destructive edits: dcx refuses a change that deletes most of a file, or that
deletes a definition the request does not mention, unless the user allows deletions
(``--allow-deletions``)."""

from __future__ import annotations

import re

from dcx.patch import split_lines
from dcx.targets import generic_symbols, language_of, python_symbols


def destructive_reason(old: str, new: str, min_lines: int = 12, keep_ratio: float = 0.5) -> str | None:
    """Why replacing ``old`` by ``new`` looks like gutting a file, or None when it does not."""
    old_count = len([line for line in split_lines(old) if line.strip()])
    new_count = len([line for line in split_lines(new) if line.strip()])
    if old_count >= min_lines and new_count < old_count * keep_ratio:
        return (
            f"the change would cut the file from {old_count} to {new_count} non-blank lines; "
            "dcx refuses edits that delete most of a file"
        )
    return None


def removed_definitions_reason(path: str, old: str, new: str, request: str) -> str | None:
    """Why ``new`` deletes code the request did not touch: functions, classes or methods of
    ``old`` that ``new`` no longer defines and that the request does not name. None otherwise."""
    before, after = _definitions(path, old), _definitions(path, new)
    words = set(re.findall(r"[A-Za-z_$][\w$]*", request))
    gone = [n for n in before - after if not any(part in words for part in n.split("."))]
    if not gone:
        return None
    names = ", ".join(sorted(gone)[:5])
    return (f"the change would delete {names}, which the request does not mention; dcx refuses "
            "edits that delete code the request did not touch")


def _definitions(path: str, text: str) -> set[str]:
    """Names defined in ``text``: Python's functions, classes and methods; in other languages the
    blocks that start a line unindented (an indented ``const x = ...`` is a local variable)."""
    if language_of(path) == "python":
        return {s.name for s in python_symbols(text)}
    lines = split_lines(text)
    return {s.name for s in generic_symbols(text) if not lines[s.start][:1].isspace()}
