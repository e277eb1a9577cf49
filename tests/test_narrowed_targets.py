"""A whole-file target narrows to one function (the plan's first in that file) when the file
comes back unchanged while a test fails, and in the round that writes a function anew (setting
rewrite_from_round), so that the function's buggy body can be hidden. Scripted models, real repositories."""

from __future__ import annotations

import sys

from dcx.config import load_settings
from dcx.progress import Silent
from dcx.request import Request
from dcx.solve import TestCommand, solve
from dcx.workspace import Workspace
from tests.conftest import code_reply
from tests.fakes import FakeBackend

PYTEST = TestCommand((sys.executable, "-m", "pytest", "-q"), 60)


def test_the_round_that_writes_anew_narrows_a_whole_file_to_its_function(make_repo) -> None:
    calc = ('def mean(values):\n    """Arithmetic mean of a list of numbers."""\n'
            '    total = 0\n    for v in values:\n        total += v\n    return total / (len(values) + 1)\n')
    repo = make_repo({"calc.py": calc, "test_calc.py": (
        "from calc import mean\n\n\ndef test_mean():\n    assert mean([2, 4]) == 3\n")})
    wrong = [f"def mean(values):\n    total = 0\n    for v in values:\n        total += v\n"
             f"    return total / (len(values) + {n})" for n in (2, 3, 4)]
    right = "def mean(values):\n    return sum(values) / len(values)"
    coder = FakeBackend([code_reply(w) for w in wrong] + [code_reply(right)])
    solution = solve(Request("mean() is wrong, fix the bug in calc.py"), Workspace(repo),
                     load_settings(repo, {}), Silent(), {"router": FakeBackend([]), "code": coder},
                     rounds=3, tests=PYTEST)
    assert solution.passed and len(solution.attempts) == 4
    first, last = (h["messages"][-1]["content"] for h in (coder.history[0], coder.history[-1]))
    assert "total / (len(values) + 1)" in first  # the whole file, as planned
    assert "total / (len(values) + 1)" not in last and "Write mean anew" in last  # its body hidden
    assert solution.result.rewritten


CALC = ('def mean(values):\n    """Arithmetic mean of a list of numbers."""\n'
        '    return sum(values) / (len(values) + 1)\n\n\n'
        'def spread(values):\n    """Largest minus smallest."""\n    return max(values) - min(values)\n')


def test_a_whole_file_copied_unchanged_while_a_test_fails_is_asked_again_as_the_function_the_plan_looks_at_first(make_repo) -> None:
    repo = make_repo({"calc.py": CALC, "test_calc.py": (
        "from calc import mean\n\n\ndef test_mean():\n    assert mean([2, 4]) == 3\n")})
    right = "def mean(values):\n    return sum(values) / len(values)"
    coder = FakeBackend([code_reply(CALC), code_reply(CALC), code_reply(right)])
    solution = solve(Request("the mean of [2, 4] comes out as 2 instead of 3, fix calc.py"), Workspace(repo),
                     load_settings(repo, {}), Silent(), {"router": FakeBackend([]), "code": coder},
                     rounds=0, tests=PYTEST)
    assert len(coder.history) == 3
    assert "File calc.py:" in coder.history[0]["messages"][-1]["content"]  # the whole file first
    last = coder.history[2]["messages"][-1]["content"]
    assert "The code to change is mean in calc.py." in last and "repeats it unchanged" in last
    assert solution.passed
    diff = solution.result.diff
    assert "+    return sum(values) / len(values)" in diff and "max(values)" not in diff


def test_without_a_failing_test_a_file_copied_unchanged_is_no_change(make_repo) -> None:
    from dcx.pipeline import Pipeline

    repo = make_repo({"calc.py": CALC})
    coder = FakeBackend([code_reply(CALC), code_reply(CALC)])  # a third call would find no reply
    pipeline = Pipeline(load_settings(repo, {}), Workspace(repo), Silent(),
                        {"router": FakeBackend([]), "code": coder})
    result = pipeline.run(pipeline.start(Request("the mean of [2, 4] comes out as 2 instead of 3")))
    assert len(coder.history) == 2 and result.diff == ""
