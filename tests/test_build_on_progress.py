"""A test round builds on an attempt that made progress: fewer tests fail and none that passed
does. Real temporary repositories and pytest, scripted models."""

from __future__ import annotations

import sys

from dcx.config import load_settings
from dcx.progress import Silent
from dcx.request import Request
from dcx.solve import TestCommand, solve
from dcx.workspace import Workspace
from tests.conftest import code_reply
from tests.fakes import FakeBackend

SHAPES = {
    "shapes/__init__.py": "",
    "shapes/rect.py": (
        'def area(w, h):\n    """Area of a w by h rectangle."""\n    return w + h\n\n\n'
        'def perimeter(w, h):\n    """Perimeter of a w by h rectangle."""\n    return w * h\n'),
    "tests/test_rect.py": (
        "from shapes.rect import area, perimeter\n\n\ndef test_area():\n    assert area(2, 3) == 6\n\n\n"
        "def test_perimeter():\n    assert perimeter(2, 3) == 10\n\n\n"
        "def test_empty():\n    assert area(0, 0) == 0 and perimeter(0, 0) == 0\n"),
}
REQUEST = "area and perimeter of a rectangle give wrong numbers"
AREA = "def area(w, h):\n    \"\"\"Area of a w by h rectangle.\"\"\"\n    return w * h"
PERIMETER = "def perimeter(w, h):\n    \"\"\"Perimeter of a w by h rectangle.\"\"\"\n    return 2 * (w + h)"


def run(repo, coder, rounds=1, **settings):
    return solve(Request(REQUEST), Workspace(repo), load_settings(repo, settings), Silent(),
                 {"router": FakeBackend([]), "code": coder}, rounds=rounds,
                 tests=TestCommand((sys.executable, "-m", "pytest", "-q"), 60))


def test_the_next_round_builds_on_an_attempt_that_made_progress(make_repo) -> None:
    repo = make_repo(SHAPES)
    coder = FakeBackend([code_reply(AREA), code_reply(PERIMETER)])
    solution = run(repo, coder)
    assert solution.passed and [a.built_on for a in solution.attempts] == [0, 1]
    assert [len(a.failing) for a in solution.attempts] == [1, 0]
    assert "+    return w * h" in solution.result.diff and "+    return 2 * (w + h)" in solution.result.diff
    assert [c.path for c in solution.result.changes] == ["shapes/rect.py"]
    second = coder.history[1]["messages"][-1]["content"]
    assert "return w * h" in second and "return w + h" not in second  # shown area as fixed
    assert "test_perimeter" in second and "test_area FAILED" not in second  # what still fails
    assert (repo / "shapes/rect.py").read_text() == SHAPES["shapes/rect.py"]  # nothing written


def test_without_progress_or_when_asked_not_to_the_next_round_starts_again(make_repo) -> None:
    repo = make_repo(SHAPES)
    coder = FakeBackend([code_reply(AREA), code_reply(PERIMETER)])
    solution = run(repo, coder, build_on_progress=False)
    assert not solution.passed
    second = coder.history[1]["messages"][-1]["content"]
    assert "return w + h" in second and "A previous attempt made this change" in second

    repo = make_repo(SHAPES)
    breaks_empty = "def area(w, h):\n    \"\"\"Area of a w by h rectangle.\"\"\"\n    return w * h + 1"
    coder = FakeBackend([code_reply(breaks_empty), code_reply(PERIMETER)])
    solution = run(repo, coder)  # area(0, 0) == 1: it broke a test that passed, so no progress
    second = coder.history[1]["messages"][-1]["content"]
    assert "return w + h" in second and "A previous attempt made this change" in second


def test_a_round_that_built_on_progress_and_made_none_is_followed_by_a_fresh_start(make_repo) -> None:
    repo = make_repo(SHAPES)
    wrong = "def perimeter(w, h):\n    \"\"\"Perimeter of a w by h rectangle.\"\"\"\n    return w - h"
    coder = FakeBackend([code_reply(AREA), code_reply(wrong), code_reply(PERIMETER)])
    solution = run(repo, coder, rounds=2)
    assert [a.built_on for a in solution.attempts] == [0, 1, 0]  # built on once, not on itself
    third = coder.history[2]["messages"][-1]["content"]
    # started again from the files as they are, told of the session's own change and its output
    assert "return w + h" in third and "A previous attempt made this change" in third
    assert "+    return w * h" in third and "return w - h" not in third


def test_the_round_that_writes_anew_is_the_test_round_it_is_after_a_round_that_built_on(make_repo) -> None:
    repo = make_repo(SHAPES)
    wrong = "def perimeter(w, h):\n    \"\"\"Perimeter of a w by h rectangle.\"\"\"\n    return w - h"
    coder = FakeBackend([code_reply(AREA), code_reply(wrong), code_reply(wrong), code_reply(PERIMETER)])
    solution = run(repo, coder, rounds=3, rewrite_from_round=3)
    assert [a.built_on for a in solution.attempts] == [0, 1, 0, 0]
    assert "anew" not in coder.history[2]["messages"][-1]["content"]  # round 2: a fresh start
    assert "anew, correctly" in coder.history[3]["messages"][-1]["content"]  # round 3, not the 2nd retry
