"""What dcx decides itself instead of asking the router: the plain first edit of a fix, and the
files shown to the code model beside its target.

A 0.5B router picks the wrong file or function often; the gathered context already ranks them.
So when the context makes the first step plain, dcx takes it: the function the request names,
the new file it asks for, or the best-ranked source file (small files whole: the code model,
three times the router's size, then finds the place to change itself).
"""

from __future__ import annotations

import re

from dcx.baseline import TestRun
from dcx.context import Context, RankedFile, is_test_path
from dcx.patch import split_lines
from dcx.pyimports import imported_files, module_files
from dcx.scope import plan_scope
from dcx.targets import DOCUMENTS, language_of
from dcx.tools import ToolCall

WHOLE_FILE_LINES = {"python": 150}  # a Python reply is merged by definition: big files are fine
WHOLE_FILE_LINES_OTHER = 60  # other languages are rewritten whole: keep the reply short
RELATED_FILES = 2
RELATED_CHARS = 5000
TEST_CHARS = 3000  # test files the request names, shown for reference
TEST_DATA_CHARS = 1200  # the start of data files named after the module those tests check
DATA_SUFFIXES = (".json", ".jsonl", ".csv", ".tsv", ".txt", ".yaml", ".yml")
_PATH = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w-]+\.(?:py|js|mjs|cjs|ts|sh|go|rs|rb|java))(?![\w/-])")
_CREATE = re.compile(r"\b(add|create|new|write)\b", re.I)
REQUEST_PAGE_CHARS = 200  # a shorter request may be in a document by chance
REQUEST_PAGE_SHARE = 0.8  # of the request's text, in paragraphs the page holds word for word


def _source_files(context: Context, instruction: str = "") -> list[RankedFile]:
    """Ranked files that match the request and are not tests, best first; with ``instruction``,
    not the page that holds the request itself."""
    return [f for f in context.ranked if (f.score > 0 or f.named) and not is_test_path(f.path)
            and not (instruction and is_request_page(f, instruction))]


def is_request_page(f: RankedFile, instruction: str) -> bool:
    """A document, not named, that holds the request (an exercise's instructions page, an issue
    pasted into a file): it ranks first for every word of the request, and the code the request
    asks for is elsewhere. Most of the request's paragraphs are enough: a user adds a line of
    their own ("Implement it in sublist.py") to the page they paste."""
    if f.named or language_of(f.path) not in DOCUMENTS or len(instruction) < REQUEST_PAGE_CHARS:
        return False
    page = " ".join(f.text.split())
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", instruction) if p.strip()]
    held = sum(len(p) for p in paragraphs if p in page)
    return held >= REQUEST_PAGE_SHARE * sum(map(len, paragraphs))


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


def python_first(context: Context, instruction: str = "") -> bool:
    """Is the best-ranked source file a Python file? (Other languages keep the plain plan.)"""
    sources = _source_files(context, instruction)
    return bool(sources) and language_of(sources[0].path) == "python"


def whole_file_fits(path: str, text: str) -> bool:
    limit = WHOLE_FILE_LINES.get(language_of(path), WHOLE_FILE_LINES_OTHER)
    return len(split_lines(text)) <= limit


def plan_first_call(context: Context, instruction: str, baseline: TestRun | None = None) -> ToolCall | None:
    """The first call of a fix, when the context makes it plain; None leaves it to the router."""
    new = new_file_named(context, instruction)
    if new is not None and context.named_target is None:
        return ToolCall("create_file", {"path": new, "instructions": instruction})
    named = tuple(f.path for f in context.ranked if f.named)
    scope = plan_scope(context, instruction, named, baseline) if python_first(context, instruction) else None
    if scope is not None:
        return scope.call(instruction)
    if context.named_target is not None:
        path, name = context.named_target
        return ToolCall("generate_code", {"path": path, "target": name, "instructions": instruction})
    new = new_file_named(context, instruction)
    if new is not None:
        return ToolCall("create_file", {"path": new, "instructions": instruction})
    sources = _source_files(context, instruction)
    if not sources:
        return None
    best = sources[0]
    if whole_file_fits(best.path, best.text):
        return ToolCall("generate_code", {"path": best.path, "target": "file", "instructions": instruction})
    return None


def _is_test_support(path: str) -> bool:
    return is_test_path(path) or path.rsplit("/", 1)[-1] == "conftest.py"


def related_files(context: Context, path: str, current: dict[str, str]) -> dict[str, str]:
    """Up to RELATED_FILES other small source files of the same language, shown to the code
    model beside its target (``current`` holds files edited so far): first the files of other
    definitions the request names, then the files the target imports, then those the tests the
    request names import, then the files that match the request best. Never tests or conftest.py."""
    language = language_of(path)
    if language != "python":
        return {}
    texts = {f.path: current.get(f.path, f.text) for f in context.ranked}
    by_module = module_files(texts)
    order = [p for p, _ in context.spelled]
    order += imported_files(texts.get(path, ""), path, by_module)
    for test in named_tests(context, path):
        order += imported_files(texts[test], test, by_module)
    order += [f.path for f in _source_files(context)]
    out: dict[str, str] = {}
    used = 0
    for candidate in dict.fromkeys(order):
        if len(out) >= RELATED_FILES or candidate == path or language_of(candidate) != language \
                or _is_test_support(candidate):
            continue
        text = texts.get(candidate, "")
        if not text.strip() or used + len(text) > RELATED_CHARS:
            continue
        out[candidate] = text
        used += len(text)
    return out


def named_tests(context: Context, path: str) -> dict[str, str]:
    """Small test files the request names (``the tests in test_x.py fail``), shown to the code
    model for reference when it changes the non-test file ``path``; dcx never edits them."""
    if is_test_path(path):
        return {}
    out: dict[str, str] = {}
    for f in context.ranked:
        if f.named and is_test_path(f.path) and f.text.strip() and len(f.text) <= TEST_CHARS \
                and sum(map(len, out.values())) + len(f.text) <= TEST_CHARS:
            out[f.path] = f.text
    if out:
        out.update(_test_data(context, path))
    return out


def _test_data(context: Context, path: str) -> dict[str, str]:
    """Data files named after the module ``path`` (``json_testcases/to_base.json`` beside
    ``to_base.py``): the cases its tests check, the examples of what the code must do. Whole
    lines up to TEST_DATA_CHARS, then how many lines were left out."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    out = {}
    for f in context.ranked:
        name = f.path.rsplit("/", 1)[-1]
        if f.path == path or not name.endswith(DATA_SUFFIXES) or name.rsplit(".", 1)[0] != stem:
            continue
        lines = split_lines(f.text)
        kept: list[str] = []
        for line in lines:
            if sum(map(len, kept)) + len(line) > TEST_DATA_CHARS:
                break
            kept.append(line)
        if not kept:
            continue
        left = len(lines) - len(kept)
        out[f.path] = "".join(kept) + (f"... ({left} more lines)\n" if left else "")
    return out
