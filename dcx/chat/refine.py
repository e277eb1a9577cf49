"""A change request that follows the last one ("also reject negative numbers") refines it: it is
planned from the last request together with the new line, starting from the files with the last
change applied in memory, and the change shown is the two together, against the working tree.
A line that names code of its own, outside the files of the last change, starts afresh."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping

from dcx.context import named_in_request
from dcx.localize import named_identifiers
from dcx.patch import FileChange, build_patch
from dcx.request import Result
from dcx.targets import symbols_of
from dcx.workspace import FileText

_GOES_ON = re.compile(r"^\s*(also|and|but|then|too|instead|now|plus|additionally|as well|"
                      r"except|only|make it|it should|it must|same)\b", re.I)


def refines(line: str, last_files: tuple[str, ...], texts: Mapping[str, str]) -> bool:
    """Does ``line`` go on from the last change (whose files are ``last_files``)? Yes when it
    starts like a continuation ("also ...", "but ..."), or names no file and no definition of
    the repository (``texts``: path -> text) outside those files."""
    if _GOES_ON.match(line):
        return True
    if any(p not in last_files for p in named_in_request(line, tuple(texts))):
        return False
    names = named_identifiers(line)
    if not names:
        return True
    for path, text in texts.items():
        if path in last_files:
            continue
        if any(s.name.rsplit(".", 1)[-1] in names or s.name in names for s in symbols_of(path, text)):
            return False
    return True


def refined_request(last: str, line: str) -> str:
    """The request a refinement is planned from: the last request, then the new line."""
    line = line.strip()
    return f"{last.strip().rstrip('.')}. {line[:1].upper()}{line[1:]}"


def combined(before: Result, after: Result) -> Result:
    """``after`` (planned from the files as ``before`` left them) as one change with ``before``,
    against the working tree: what /apply writes."""
    changes: dict[str, FileChange] = {c.path: c for c in before.changes}
    originals: dict[str, FileText] = dict(after.originals)
    originals.update(before.originals)  # the tree's text, not the pending text read in memory
    for change in after.changes:
        earlier = changes.get(change.path)
        changes[change.path] = change if earlier is None else replace(change, old=earlier.old)
    kept = tuple(c for c in changes.values() if c.old != c.new)
    return replace(after, changes=kept, diff=build_patch(list(kept)),
                   originals={c.path: originals[c.path] for c in kept if c.path in originals})
