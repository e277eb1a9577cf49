"""What dcx decides itself instead of asking the router: the plain first edit of a fix, and the
files shown to the code model beside its target.

A 0.5B router picks the wrong file or function often; the gathered context already ranks them.
So when the context makes the first step plain, dcx takes it: the function the request names,
the new file it asks for, or the best-ranked source file (small files whole: the code model,
three times the router's size, then finds the place to change itself).
"""

from __future__ import annotations

import re

from dcx.context import Context, RankedFile, is_test_path
from dcx.patch import split_lines
from dcx.targets import language_of
from dcx.tools import ToolCall

WHOLE_FILE_LINES = {"python": 150}  # a Python reply is merged by definition: big files are fine
WHOLE_FILE_LINES_OTHER = 60  # other languages are rewritten whole: keep the reply short
RELATED_FILES = 2
RELATED_CHARS = 5000
_PATH = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w-]+\.(?:py|js|mjs|cjs|ts|sh|go|rs|rb|java))(?![\w/-])")
_CREATE = re.compile(r"\b(add|create|new|write)\b", re.I)


def _source_files(context: Context) -> list[RankedFile]:
    """Ranked files that match the request and are not tests, best first."""
    return [f for f in context.ranked if (f.score > 0 or f.named) and not is_test_path(f.path)]


def new_file_named(context: Context, instruction: str) -> str | None:
    """A path the request asks to create: named, missing, and the request says add/create/new."""
    if not _CREATE.search(instruction):
        return None
    for match in _PATH.finditer(instruction):
        path = match.group(1).removeprefix("./")
        known = any(f == path or f.endswith("/" + path) for f in context.files)
        if not known and ".." not in path.split("/"):
            return path
    return None


def whole_file_fits(path: str, text: str) -> bool:
    limit = WHOLE_FILE_LINES.get(language_of(path), WHOLE_FILE_LINES_OTHER)
    return len(split_lines(text)) <= limit


def plan_first_call(context: Context, instruction: str) -> ToolCall | None:
    """The first call of a fix, when the context makes it plain; None leaves it to the router."""
    if context.named_target is not None:
        path, name = context.named_target
        return ToolCall("generate_code", {"path": path, "target": name, "instructions": instruction})
    new = new_file_named(context, instruction)
    if new is not None:
        return ToolCall("create_file", {"path": new, "instructions": instruction})
    sources = _source_files(context)
    if not sources:
        return None
    best = sources[0]
    if whole_file_fits(best.path, best.text):
        return ToolCall("generate_code", {"path": best.path, "target": "file", "instructions": instruction})
    return None


def related_files(context: Context, path: str, current: dict[str, str]) -> dict[str, str]:
    """Up to RELATED_FILES other small source files of the same language, shown to the code
    model beside its target (``current`` holds files edited so far): first the files of other
    definitions the request names, then the files that match the request best."""
    language = language_of(path)
    if language != "python":
        return {}
    named = {p for p, _ in context.spelled}
    candidates = sorted(_source_files(context), key=lambda f: f.path not in named)  # stable
    out: dict[str, str] = {}
    used = 0
    for f in candidates:
        if len(out) >= RELATED_FILES or f.path == path or language_of(f.path) != language:
            continue
        text = current.get(f.path, f.text)
        if not text.strip() or used + len(text) > RELATED_CHARS:
            continue
        out[f.path] = text
        used += len(text)
    return out


def hints_for(context: Context, path: str, target: str) -> list[tuple[str, str]]:
    """The other definitions the request names, for the code model to consider too."""
    return [(p, n) for p, n in context.spelled if (p, n) != (path, target)][:4]
