"""A change that adds a special case leaves the other cases as they were (dcx.special_cases), and
the code model is told when it does not."""

from __future__ import annotations

import ast

import pytest

from dcx.special_cases import changed_other_cases
from dcx.static_check import new_problems
from tests.conftest import code_reply, told_and_taken

# the shape of a dev task's first attempt: December made right, every other month wrong by a day
RANGE = '''from datetime import date, timedelta


def month_range(year, month):
    first = date(year, month, 1)
    last = date(year, month + 1, 1) - timedelta(days=1)
    return first, last
'''
DROPPED = RANGE.replace('''    first = date(year, month, 1)
    last = date(year, month + 1, 1) - timedelta(days=1)
''', '''    if month == 12:
        first = date(year, 12, 1)
        last = date(year + 1, 1, 1) - timedelta(days=1)
    else:
        first = date(year, month, 1)
        last = date(year, month + 1, 1)
''')
KEPT = DROPPED.replace("        last = date(year, month + 1, 1)\n",
                       "        last = date(year, month + 1, 1) - timedelta(days=1)\n")


def found(old: str, new: str) -> list[tuple[int, str]]:
    return changed_other_cases(ast.parse(old), ast.parse(new))


def test_an_old_path_changed_beside_a_new_special_case_is_found() -> None:
    [(line, message)] = found(RANGE, DROPPED)
    assert line == 10
    assert "the else branch of the new `if month == 12:`" in message and "month_range" in message
    assert "`last = date(year, month + 1, 1) - timedelta(days=1)` to `last = date(year, month + 1, 1)`" in message
    assert found(RANGE, KEPT) == []


@pytest.mark.parametrize("old, new", [
    # a branch that shares nothing with the old code is new code
    ("def f(x):\n    y = x + 1\n    return y\n",
     "def f(x):\n    if x is None:\n        y = 0\n    else:\n        y = x + 2\n    return y\n"),
    # the old code changed without a new branch: not this check's business
    ("def f(x):\n    a = x\n    b = x + 1\n    return a, b\n", "def f(x):\n    a = x\n    b = x + 2\n    return a, b\n"),
    # the new branch has no else: the old path runs after it, unchanged or not
    ("def f(x):\n    a = x\n    b = x + 1\n    return a, b\n",
     "def f(x):\n    if x < 0:\n        return None\n    a = x\n    b = x + 2\n    return a, b\n"),
    # a test the old function already had
    ("def f(x):\n    if x:\n        a = x\n    else:\n        a = 0\n        b = 1\n    return a\n",
     "def f(x):\n    if x:\n        a = x\n    else:\n        a = 0\n        b = 2\n    return a\n"),
    # the old statement is still there, elsewhere: the change made a copy, not a changed path
    ("def f(m):\n    a = m\n    b = g(m)\n    return a, b\n",
     "def f(m):\n    if m == 1:\n        a = m\n        b = g(m, 1)\n    else:\n        a = m\n        b = g(m)\n    return a, b\n"),
    # neither branch keeps more of the old code than the other: which is the old path is not clear
    ("def f(m):\n    a = m\n    b = g(m)\n    return b\n",
     "def f(m):\n    if m:\n        a = m\n        b = g(m + 1)\n    else:\n        a = m\n        b = g(m - 1)\n    return b\n"),
    # a statement written with a name the old code did not have is new logic
    ("def f(m):\n    a = m\n    b = g(m)\n    return b\n",
     "def f(m):\n    n = m * 2\n    if m > 9:\n        return 0\n    else:\n        a = m\n        b = g(n)\n    return b\n"),
    # a near copy of another kind (or of another target) is not a copy of it
    ("def f(m):\n    a = m\n    b = g(m)\n    return b\n",
     "def f(m):\n    if m:\n        a = m\n        c = g(m + 1)\n    else:\n        c = 0\n    return c\n"),
])
def test_what_is_not_an_old_path_changed_is_left_alone(old: str, new: str) -> None:
    assert found(old, new) == []


def test_it_is_a_problem_of_the_change_in_its_file() -> None:
    problems = new_problems({"periods.py": DROPPED}, {"periods.py": RANGE}, {"periods.py": RANGE})
    assert [(p.path, p.line) for p in problems] == [("periods.py", 10)]
    assert new_problems({"periods.py": KEPT}, {"periods.py": RANGE}, {"periods.py": RANGE}) == []


def test_the_code_model_is_told_and_its_fixed_reply_is_taken(make_repo) -> None:
    repo = make_repo({"periods.py": RANGE})
    told, result = told_and_taken(repo, [code_reply(DROPPED.split("\n\n\n")[1].strip()),
                                         code_reply(KEPT.split("\n\n\n")[1].strip())],
                                  "month_range in periods.py fails for December")
    assert "the else branch of the new `if month == 12:`" in told
    assert "+    if month == 12:" in result.diff.splitlines()
    assert "+        last = date(year, month + 1, 1)" not in result.diff.splitlines()  # the reply told
    assert "+        last = date(year, month + 1, 1) - timedelta(days=1)" in result.diff
