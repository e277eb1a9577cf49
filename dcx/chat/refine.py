"""A change request that follows the last one ("also reject negative numbers") refines it: it is
planned from the last request together with the new line, starting from the files with the last
change applied in memory (dcx.overlay), and the change shown is the two together, against the
working tree.
A line that names code of its own, outside the files of the last change, starts afresh."""

from __future__ import annotations

import re
from typing import Mapping

from dcx.context import named_in_request
from dcx.localize import named_identifiers
from dcx.targets import symbols_of

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


def about_question(line: str, question: str, texts: Mapping[str, str]) -> str | None:
    """The request for a change asked right after a question, when the line names no file and
    no definition of the repository ("make it divide by the count" after "where is the mean
    computed?"): the line with the question it goes on from, so that dcx looks where the
    question pointed. None when the line says where on its own."""
    if not refines(line, (), texts):
        return None
    return f"{line.strip().rstrip('.')} (said after the question: {question.strip()})"


def refined_request(last: str, line: str) -> str:
    """The request a refinement is planned from: the last request, then the new line."""
    line = line.strip()
    return f"{last.strip().rstrip('.')}. {line[:1].upper()}{line[1:]}"
