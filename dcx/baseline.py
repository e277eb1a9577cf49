"""The tests as they run before any change, when the user gave a test command: which fail, which
pass, where the failing ones broke, and which lines each test ran.

For a pytest command run by Python (``python -m pytest ...``) dcx adds a JUnit report (one result
per test) and runs it under coverage.py with one context per test function, so that the code
the failing tests run ranks the candidates (dcx.localize). Any other command only says pass or
fail. Everything runs on a scratch copy, as every check does.
"""

from __future__ import annotations

import math
import re
import shutil
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from dcx.callgraph import CallGraph, Key
from dcx.localize import Failure
from dcx.patch import FileChange
from dcx.verify import CheckResult, check_in_scratch
from dcx.workspace import Workspace

PYTEST_NO_TESTS = 5  # pytest's exit status when it collected no test
_FRAME = re.compile(r"^([\w./-]+\.py):(\d+): |File \"([^\"]+\.py)\", line (\d+)", re.M)
COVERAGE_RC = """\
[run]
dynamic_context = test_function
relative_files = true
data_file = {data}
source = .
"""


@dataclass(frozen=True)
class TestRun:
    check: CheckResult
    failing: tuple[str, ...] = ()  # "tests/test_x.py::test_y" of each failing test
    passing: frozenset[str] = frozenset()
    frames: tuple[tuple[str, int], ...] = ()  # (file, line) in failing tests' tracebacks
    failing_lines: Mapping[str, frozenset[int]] = field(default_factory=dict)  # file -> lines run
    passing_lines: Mapping[str, Mapping[int, int]] = field(default_factory=dict)  # line -> tests

    def failure(self, graph: CallGraph) -> Failure:
        """The localization signal: definitions in the failing tracebacks, and those the failing
        tests ran (more for code that few passing tests run)."""
        in_traceback = {k for path, line in self.frames if (k := _containing(graph, path, line))}
        executed: dict[Key, float] = {}
        total_failing = max(1, len(self.failing))
        for key, d in graph.definitions.items():
            ran = self.failing_lines.get(d.path, frozenset())
            if not any(d.start < line <= d.end for line in ran):
                continue
            by_passing = self.passing_lines.get(d.path, {})
            passing = max((n for line, n in by_passing.items() if d.start < line <= d.end), default=0)
            executed[key] = 1 / math.sqrt(total_failing * (1 + passing))  # Ochiai, per definition
        return Failure(frozenset(in_traceback), frozenset(executed), executed)


def _containing(graph: CallGraph, path: str, line: int) -> Key | None:
    """The innermost definition of ``path`` holding the 1-based ``line``."""
    inside = [d for d in graph.definitions.values() if d.path == path and d.start < line <= d.end]
    return min(inside, key=lambda d: d.end - d.start).key if inside else None


def is_pytest(argv: tuple[str, ...]) -> bool:
    return len(argv) >= 3 and Path(argv[0]).name.startswith("python") and argv[1:3] == ("-m", "pytest")


def run_baseline(workspace: Workspace, argv: tuple[str, ...], timeout_s: float,
                 changes: tuple[FileChange, ...] = ()) -> TestRun:
    """Run the tests once on a scratch copy of the working tree, before any change (``changes``:
    files laid over the copy that are not the user's, such as a test dcx wrote)."""
    if not is_pytest(argv) or shutil.which(argv[0]) is None and not Path(argv[0]).exists():
        return TestRun(check_in_scratch(workspace, changes, argv, timeout_s))
    with tempfile.TemporaryDirectory(prefix="dcx-baseline-") as folder:
        reports = Path(folder)
        (reports / "rc").write_text(COVERAGE_RC.format(data=reports / "data"))
        measured = (argv[0], "-m", "coverage", "run", f"--rcfile={reports / 'rc'}", "-m", "pytest",
                    *argv[3:], f"--junitxml={reports / 'report.xml'}", "-p", "no:cacheprovider")
        check = check_in_scratch(workspace, changes, measured, timeout_s)
        results = _junit(reports / "report.xml")
        if results is None:  # coverage or the report failed: the plain run still tells pass/fail
            return TestRun(check_in_scratch(workspace, changes, argv, timeout_s))
        if (empty := _empty_run(check, results)) is not None:
            return empty
        failing, passing, texts = results
        frames = tuple((p, int(n)) for text in texts for p, n in _frames(text))
        failing_lines, passing_lines = _coverage(reports / "data", failing, passing)
    return TestRun(check, failing, passing, frames, failing_lines, passing_lines)


def _frames(text: str) -> list[tuple[str, str]]:
    return [(m.group(1) or m.group(3), m.group(2) or m.group(4)) for m in _FRAME.finditer(text)]


def _junit(path: Path) -> tuple[tuple[str, ...], frozenset[str], list[str]] | None:
    """(failing test ids, passing test ids, failure texts) from a JUnit report."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return None
    failing, passing, texts = [], set(), []
    for case in root.iter("testcase"):
        test = f"{case.get('classname', '')}::{case.get('name', '')}"
        problems = [c for c in case if c.tag in ("failure", "error")]
        if problems:
            failing.append(test)
            texts += [(p.text or "") + "\n" + p.get("message", "") for p in problems]
        elif not any(c.tag == "skipped" for c in case):
            passing.add(test)
    return tuple(failing), frozenset(passing), texts


def _context_of(test: str, contexts: set[str]) -> str | None:
    """coverage.py's context for a JUnit test id ("tests.test_m::test_b[2]" -> "test_m.test_b")."""
    classname, name = test.split("::", 1)
    function = name.split("[", 1)[0]
    module = classname.split(".")
    for context in contexts:
        parts = context.split(".")
        if parts[-1] == function and (parts[-2:-1] == module[-1:] or len(parts) == 1):
            return context
    return None


def _coverage(data_file: Path, failing: tuple[str, ...], passing: frozenset[str]
              ) -> tuple[dict[str, frozenset[int]], dict[str, dict[int, int]]]:
    """Lines run by the failing tests, and how many passing tests ran each line."""
    try:
        from coverage import CoverageData
    except ImportError:
        return {}, {}
    data = CoverageData(str(data_file))
    try:
        data.read()
    except Exception:  # noqa: BLE001 - a damaged data file only costs the signal
        return {}, {}
    contexts = set(data.measured_contexts())
    failing_lines: dict[str, set[int]] = {}
    passing_lines: dict[str, dict[int, int]] = {}
    for tests, failed in ((failing, True), (passing, False)):
        for test in tests:
            context = _context_of(test, contexts)
            if context is None:
                continue
            data.set_query_contexts([re.escape(context) + "$"])
            for file in data.measured_files():
                lines = data.lines(file) or []
                if failed:
                    failing_lines.setdefault(file, set()).update(lines)
                else:
                    counts = passing_lines.setdefault(file, {})
                    for line in lines:
                        counts[line] = counts.get(line, 0) + 1
    return {f: frozenset(v) for f, v in failing_lines.items()}, passing_lines


def run_tests(workspace: Workspace, changes: tuple[FileChange, ...], argv: tuple[str, ...],
              timeout_s: float) -> TestRun:
    """Run the tests on a scratch copy with ``changes``: pass or fail, and for a pytest command
    run by Python which tests failed and which passed."""
    if not is_pytest(argv):
        return TestRun(check_in_scratch(workspace, changes, argv, timeout_s))
    with tempfile.TemporaryDirectory(prefix="dcx-tests-") as folder:
        report = Path(folder) / "report.xml"
        check = check_in_scratch(workspace, changes,
                                 (*argv, f"--junitxml={report}", "-p", "no:cacheprovider"), timeout_s)
        results = _junit(report)
    if results is None:
        return TestRun(check)
    if (empty := _empty_run(check, results)) is not None:
        return empty
    failing, passing, _ = results
    return TestRun(check, failing, passing)


def _empty_run(check: CheckResult, results: tuple[tuple[str, ...], frozenset[str], list[str]]
               ) -> TestRun | None:
    """An empty run that passes when pytest found no test to run (its exit status 5, and an
    empty report: an exercise whose tests are kept elsewhere, a repository without tests), else
    None. Nothing failed: that is not a failing run, or every attempt would count as failing and
    none could ever pass."""
    failing, passing, _ = results
    if check.code != PYTEST_NO_TESTS or failing or passing:
        return None
    return TestRun(CheckResult(True, check.output, code=check.code, empty=True))


def lost(before: TestRun, after: TestRun) -> tuple[str, ...]:
    """The tests that passed ``before`` and do not pass ``after``: those that fail, and those that
    no longer run at all, because the change broke their collection (pytest then runs no test,
    and reports only the module it could not import) or the whole run (no report: it counts as
    one result)."""
    if not before.passing:
        return ()
    if not after.passing and not after.failing:  # a run that passes but collects nothing lost them too
        return () if after.check.passed and not after.check.empty else tuple(sorted(before.passing))
    return tuple(sorted(before.passing - after.passing))


def combined(first: TestRun, second: TestRun) -> TestRun:
    """Two runs as one (the user's tests and a test dcx wrote): it passes when both pass, and
    says what each found; the output of a failing run comes first."""
    runs = sorted((first, second), key=lambda r: r.check.passed)
    output = "\n".join(r.check.output for r in runs if r.check.output.strip() and not r.check.passed)
    check = CheckResult(first.check.passed and second.check.passed,
                        output or runs[0].check.output, first.check.timed_out or second.check.timed_out,
                        empty=first.check.empty and second.check.empty)
    failing_lines = {f: first.failing_lines.get(f, frozenset()) | second.failing_lines.get(f, frozenset())
                     for f in {*first.failing_lines, *second.failing_lines}}
    passing_lines: dict[str, dict[int, int]] = {}
    for run in (first, second):
        for f, counts in run.passing_lines.items():
            merged = passing_lines.setdefault(f, {})
            for line, n in counts.items():
                merged[line] = merged.get(line, 0) + n
    return TestRun(check, first.failing + second.failing, first.passing | second.passing,
                   first.frames + second.frames, failing_lines, passing_lines)
