"""A test written from the request, for when the user's tests all pass before any change.

Tests that already pass cannot tell a change that does what was asked from one that does not:
`dcx fix --test` would stop at its first attempt, right or wrong. So the code model writes a
pytest file from the request's own examples, shown the code the request is about and the
repository's tests nearest to it (for their imports and style). The file counts only when it
runs and fails on the code as it is: then it checks every attempt, its failure is what the
first attempt is told, and the code its failing tests run ranks the candidates (dcx.localize).

The file lives only in the scratch copies the tests run in, never in the user's tree. It runs
with the user's own pytest command (the user gave it, so running the repository's code is
theirs to allow), with its path added so that it runs alone.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Mapping

from dcx import prompts
from dcx.backends import Backend
from dcx.backends.base import ChatRequest
from dcx.baseline import TestRun, run_baseline
from dcx.codegen import extract_code
from dcx.context import Context, is_test_path
from dcx.degenerate import LoopWatch
from dcx.import_repair import repair_imports, undefined_names
from dcx.patch import FileChange, split_lines
from dcx.scope import Scope, excerpt, plan_scope, sources
from dcx.static_check import problems
from dcx.syntax import parsed_module, walkable_module
from dcx.targets import first_line, language_of, python_symbols
from dcx.usage import Usage
from dcx.workspace import Workspace

FILE_NAME = "test_dcx_request.py"
MAX_TOKENS = 900  # a test file of a few examples; more is a model that lost its way
CODE_CHARS = 7000  # the code shown, within the code model's context with room to reply
TEST_CHARS = 1500  # the existing tests shown for their imports and style
WHOLE_FILE_LINES = 150
_UNUSED = "imported but unused"  # harmless in a test file; undefined names are not
# A failure that is the test's own fault, not the code's: the file does not run as written.
_BROKEN = re.compile(r"\b(ImportError|ModuleNotFoundError|NameError|SyntaxError|IndentationError)\b"
                     r"|fixture '\w+' not found|errors? during collection|ERROR collecting")


@dataclass(frozen=True)
class RequestTest:
    """A test file written from the request that fails on the unchanged code."""

    change: FileChange  # the file, new, laid over each scratch copy the tests run in
    run: TestRun  # how it ran on the unchanged code
    tests: int  # test functions in the file

    @property
    def path(self) -> str:
        return self.change.path

    def runs(self, test: str) -> bool:
        """Whether ``test`` (an id as the runs report it, "tests.test_dcx_request::test_x")
        is one of this file's tests."""
        module = self.path.removesuffix(".py").replace("/", ".")
        where = test.split("::", 1)[0]
        return where == module or where.startswith(module + ".")


@dataclass(frozen=True)
class Outcome:
    """What came of writing a test from the request: the test, or why there is none."""

    test: RequestTest | None
    why: str  # for the user: what was written, or why no test counts


def place(files: tuple[str, ...], scope: Scope) -> str:
    """Where the file goes: beside the tests that exercise the code the request is about (else
    beside any Python test file, else at the top), under a name no file has."""
    tests = list(scope.tests) + [f for f in files if is_test_path(f) and f.endswith(".py")]
    folder = tests[0].rsplit("/", 1)[0] + "/" if tests and "/" in tests[0] else ""
    path, number = folder + FILE_NAME, 2
    while path in files:
        path, number = f"{folder}test_dcx_request_{number}.py", number + 1
    return path


def shown_code(context: Context, scope: Scope) -> str:
    """What the test is written against: the nearest existing tests (for their imports and
    style), then the target's file (whole when small, else its definitions the plan is about)
    and the excerpts of other files."""
    texts = {f.path: f.text for f in context.ranked}
    parts: list[str] = []
    target_text = texts.get(scope.path, "")
    if len(split_lines(target_text)) > WHOLE_FILE_LINES:
        names = tuple(n for p, n in scope.focus if p == scope.path)
        target_text = excerpt(scope.path, target_text, names + (scope.target,))
    parts.append(_block(scope.path, target_text))
    for path, names in scope.excerpts.items():
        block = _block(path, excerpt(path, texts.get(path, ""), names) if names else texts.get(path, ""))
        if sum(map(len, parts)) + len(block) <= CODE_CHARS:
            parts.append(block)
    return _nearest_tests(texts, scope) + "".join(parts)


def _nearest_tests(texts: Mapping[str, str], scope: Scope) -> str:
    for path, names in scope.tests.items():
        text = excerpt(path, texts.get(path, ""), names[:2])
        if len(text) <= TEST_CHARS:
            return _block(path, text, "existing tests: import and call the code as they do")
    for path, text in texts.items():  # no test exercises it: the start of some test file
        if is_test_path(path) and language_of(path) == "python" and text.strip():
            return _block(path, "".join(split_lines(text)[:25]), "the start of an existing test file")
    return ""


def _block(path: str, text: str, note: str = "") -> str:
    label = f"File {path}" + (f" ({note})" if note else "") + ":"
    return f"{label}\n```python\n{text.rstrip()}\n```\n\n"


def write(coder: Backend, usage: Usage, context: Context, instruction: str,
          named: tuple[str, ...]) -> tuple[str, str] | None:
    """(path, text) of a test file written from the request, or None when the request points
    at no Python code or the reply is not a test file that compiles and names only what exists."""
    scope = plan_scope(context, instruction, named) if sources(context) else None
    if scope is None:
        return None
    messages = ({"role": "system", "content": prompts.REQUEST_TEST_SYSTEM},
                {"role": "user", "content": prompts.request_test(shown_code(context, scope), instruction)})
    # stopped once it loops (the same assert again and again): the rest would be more of it
    completion = coder.chat(ChatRequest(messages, MAX_TOKENS), LoopWatch(messages[1]["content"]))
    usage.count("code", completion)
    if completion.finish_reason != "stop":
        # cut off or looping: none of it is kept. Keeping its complete tests tripled the usable
        # tests on the held-out tasks, and every one of them was wrong (benchmarks.md)
        return None
    text = extract_code(completion.text).rstrip() + "\n"
    path = place(context.files, scope)
    tests = {f.path: f.text for f in context.ranked
             if is_test_path(f.path) and language_of(f.path) == "python"}
    text = mended(path, borrowed_helpers(path, text, tests), sources(context))
    text = without_broken_tests(path, text, sources(context))
    if text is None:
        return None
    text = literal_messages(grounded(text, instruction), instruction)
    return (path, text) if test_names(text) else None


def borrowed_helpers(path: str, text: str, tests: Mapping[str, str]) -> str:
    """``text`` with the helper functions it calls but does not define copied in from the one
    existing test file that defines each (the model sees a test call ``make_fleet()`` and
    writes the call, not the helper)."""
    tree = walkable_module(text)  # pyflakes walks a tree by recursion
    if tree is None:
        return text
    missing = undefined_names(path, tree)
    copied = []
    for name in sorted(missing):
        found = [ast.get_source_segment(source, node) for source in tests.values()
                 for node in _parsed(source)
                 if isinstance(node, ast.FunctionDef) and node.name == name and not name.startswith("test")]
        if len(found) == 1 and found[0]:
            copied.append(found[0])
    if not copied:
        return text
    lines = split_lines(text)
    after = max((n.end_lineno or n.lineno for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))),
                default=0)
    helpers = "".join(f"\n\n{code.rstrip()}\n" for code in copied) + "\n"
    return "".join(lines[:after]) + helpers + "".join(lines[after:])


def _parsed(source: str) -> list[ast.stmt]:
    tree = parsed_module(source)
    return [] if tree is None else tree.body


def without_broken_tests(path: str, text: str, project: Mapping[str, str]) -> str | None:
    """``text`` without the test functions that name what does not exist (a helper the model
    copied from a test file it saw in part, say); None when the file itself is broken: it does
    not compile, or a problem lies outside its tests. Unused imports are harmless here."""
    found = [p for p in problems(path, text, project) if _UNUSED not in p.message]
    if not found:
        return text
    tree = parsed_module(text)
    if tree is None:
        return None
    spans = [(first_line(n), n.end_lineno or n.lineno)
             for n in tree.body
             if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name.startswith("test")]
    broken = set()
    for problem in found:
        span = next((s for s in spans if s[0] <= problem.line <= s[1]), None)
        if span is None:
            return None
        broken.add(span)
    lines = split_lines(text)
    return "".join(line for number, line in enumerate(lines, 1)
                   if not any(a <= number <= b for a, b in broken))


def literal_messages(text: str, instruction: str) -> str:
    """``pytest.raises(..., match="...")`` with a message the request spells out taken as that
    exact text: ``match`` is a regular expression, and a message such as "already has a finish
    time (1:02:33)" does not match itself as one."""
    tree = parsed_module(text)
    if tree is None:
        return text
    values = [k.value for node in ast.walk(tree)
              if isinstance(node, ast.Call) and _is_pytest(node.func)
              for k in node.keywords if k.arg == "match"]
    spans = [(v.lineno, v.col_offset, v.end_col_offset) for v in values
             if isinstance(v, ast.Constant) and isinstance(v.value, str) and v.end_lineno == v.lineno
             and re.escape(v.value) != v.value and v.value in instruction]
    if not spans:
        return text
    lines = split_lines(text)
    for line, start, end in sorted(spans, reverse=True):
        raw = lines[line - 1].encode("utf-8")  # ast offsets count bytes
        lines[line - 1] = (raw[:start] + b"re.escape(" + raw[start:end] + b")" + raw[end:]).decode("utf-8")
    if not any(line.rstrip() == "import re" for line in lines):
        first = next((i + 1 for i, line in enumerate(lines) if line.startswith("from __future__")), 0)
        lines.insert(first, "import re\n")  # after a __future__ import, which must come first
    return "".join(lines)


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TRIVIAL = {0.0, 1.0}


def grounded(text: str, instruction: str) -> str:
    """``text`` without the test functions that check something the request does not state: a
    test is kept when it uses a value the request gives (a number other than 0 and 1, or a
    string of two or more characters it spells out) and every value its asserts expect is one
    the request gives.
    Values passed to the project's own functions are inputs, not expectations; values passed
    to ``pytest`` (``approx``, ``raises(match=...)``) are expectations. A small model asked
    for tests invents expectations (a wrong total, a direction nobody asked about); a test
    that expects what the request never said would refuse a right change."""
    tree = parsed_module(text)
    if tree is None:
        return text
    numbers = {float(n) for n in _NUMBER.findall(instruction)}

    def stated(value: object) -> bool:
        if isinstance(value, bool) or value is None:
            return False
        if isinstance(value, (int, float)):
            return abs(float(value)) in numbers
        return isinstance(value, str) and len(value) >= 2 and value in instruction

    def trivial(value: object) -> bool:
        return isinstance(value, bool) or value is None or (
            isinstance(value, (int, float)) and abs(float(value)) in _TRIVIAL) or (
            isinstance(value, str) and len(value) < 2)

    lines = split_lines(text)
    dropped: list[tuple[int, int]] = []
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or not node.name.startswith("test"):
            continue
        used = [c.value for c in ast.walk(node) if isinstance(c, ast.Constant)]
        expected = [v for check in ast.walk(node) for v in _expected(check)]
        if not any(stated(v) and not trivial(v) for v in used) \
                or not all(stated(v) or trivial(v) for v in expected):
            dropped.append((first_line(node) - 1, node.end_lineno or node.lineno))
    kept = [line for number, line in enumerate(lines) if not any(a <= number < b for a, b in dropped)]
    return "".join(kept)


def _expected(node: ast.AST) -> list[object]:
    """The constants an assert (or a ``pytest.raises(..., match=...)``) expects: those outside
    the arguments of calls to anything but ``pytest``."""
    if isinstance(node, ast.Assert):
        roots: list[ast.AST] = [node.test]
    elif isinstance(node, ast.Call) and _is_pytest(node.func):
        roots = [k.value for k in node.keywords if k.arg == "match"]  # raises(Error, match=...)
    else:
        return []
    found: list[object] = []

    def visit(n: ast.AST) -> None:
        if isinstance(n, ast.Constant):
            found.append(n.value)
        elif isinstance(n, ast.Call):
            if _is_pytest(n.func):  # approx(expected): an expectation; abs= and rel= are not
                for child in list(n.args) + [k.value for k in n.keywords if k.arg == "match"]:
                    visit(child)
            return  # the project's code called with inputs
        else:
            for child in ast.iter_child_nodes(n):
                visit(child)

    for root in roots:
        visit(root)
    return found


def _is_pytest(func: ast.AST) -> bool:
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "pytest"


def mended(path: str, text: str, project: Mapping[str, str]) -> str:
    """The imports a small model forgets added where only one source can be meant (``date``,
    a project class, ``pytest`` itself)."""
    text = repair_imports(path, text, project)
    if "pytest." in text and not re.search(r"^\s*import pytest\b", text, re.M):
        text = "import pytest\n" + text
    return text


def test_names(text: str) -> list[str]:
    """The pytest test functions of a test file's text (none when it does not parse)."""
    return [s.name for s in python_symbols(text)
            if s.kind == "function" and s.name.rsplit(".", 1)[-1].startswith("test")]


def reproduce(workspace: Workspace, argv: tuple[str, ...], timeout_s: float, path: str,
              text: str) -> Outcome:
    """Run the test file alone on the unchanged code: it counts when it runs and some of its
    tests fail there."""
    change = FileChange(path, None, text)
    run = run_baseline(workspace, (*argv, path), timeout_s, (change,))
    count = len(test_names(text))
    if run.check.timed_out or _BROKEN.search(run.check.output):
        return Outcome(None, f"the test dcx wrote from the request does not run as written "
                             f"({_first_problem(run.check.output)}), so it is not used")
    if run.check.passed or not run.failing:
        return Outcome(None, "the test dcx wrote from the request passes on the code as it is, "
                             "so it cannot tell a fix from no change; it is not used")
    return Outcome(RequestTest(change, run, count),
                   f"dcx wrote {count} test{'s' if count != 1 else ''} from the request "
                   f"({path}, in scratch copies only): {len(run.failing)} fail on the code as it "
                   "is, and every attempt is checked with them")


def _first_problem(output: str) -> str:
    match = _BROKEN.search(output)
    return match.group(0) if match else "it does not run"
