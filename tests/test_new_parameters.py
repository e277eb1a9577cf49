"""A parameter a change adds with a default must leave callers that do not pass it where they were
(dcx.new_parameters), and the code model is told when it does not."""

from __future__ import annotations

import ast

import pytest

from dcx.new_parameters import changed_at_default
from dcx.static_check import new_problems
from tests.conftest import code_reply, told_and_taken

# the shape of a dev task's first attempt: asked for skip_rows (default 0), the model moved every
# error's line number by one for the callers that do not pass it
IMPORT = '''def import_rows(rows):
    errors = []
    for line, row in rows:
        if len(row) != 2:
            errors.append(f"line {line}: expected 2 fields")
            continue
        check(row, line)
    return errors
'''
SHIFTED = IMPORT.replace("def import_rows(rows):", "def import_rows(rows, skip_rows=0):") \
    .replace("    for line, row in rows:\n", "    for line, row in rows:\n        if line <= skip_rows:\n            continue\n") \
    .replace('f"line {line}:', 'f"line {line + 1 - skip_rows}:').replace("check(row, line)", "check(row, line + 1 - skip_rows)")
KEPT = IMPORT.replace("def import_rows(rows):", "def import_rows(rows, skip_rows=0):") \
    .replace("    for line, row in rows:\n", "    for line, row in rows:\n        if line <= skip_rows:\n            continue\n")


def found(old: str, new: str) -> list[tuple[int, str]]:
    return changed_at_default(ast.parse(old), ast.parse(new))


def test_a_statement_that_changes_at_the_default_is_found() -> None:
    assert [line for line, _ in found(IMPORT, SHIFTED)] == [7, 9]
    line, message = found(IMPORT, SHIFTED)[0]
    assert "with skip_rows left out (so skip_rows=0)" in message and "import_rows" in message
    assert "errors.append(f'line {line + 1}: expected 2 fields')" in message  # what it does now
    assert "errors.append(f'line {line}: expected 2 fields')" in message  # and did before
    assert found(IMPORT, KEPT) == []


@pytest.mark.parametrize("old, new", [
    # a guard on the new parameter is new code, not a changed statement
    ("def f(xs):\n    return [x for x in xs]\n",
     "def f(xs, limit=None):\n    if limit is not None:\n        xs = xs[:limit]\n    return [x for x in xs]\n"),
    # passed on to a callee, at the default, by keyword or at the end
    ("def f(path):\n    return read(path)\n", "def f(path, skip=0):\n    return read(path, skip=skip)\n"),
    ("def f(path):\n    return read(path)\n", "def f(path, skip=0):\n    return read(path, skip)\n"),
    ("def f(rows):\n    return list(enumerate(rows, 1))\n",
     "def f(rows, first=1):\n    return list(enumerate(rows, first))\n"),
    # an option the old code spelled as a constant
    ("def f(h):\n    return reader(h, delimiter=',')\n", "def f(h, sep=','):\n    return reader(h, delimiter=sep)\n"),
    # read at the default, the same expression
    ("def f(t):\n    return t\n", "def f(t, places=None):\n    return round(t, places) if places is not None else t\n"),
    ("def f(t):\n    return t * 2\n", "def f(t, extra=0):\n    return t * 2 + extra\n"),
    ("def f(xs):\n    return xs\n", "def f(xs, start=0):\n    return xs[start:]\n"),
    ("def f(n):\n    return list(range(n))\n", "def f(n, start=0):\n    return list(range(start, n))\n"),
    ("def f(name):\n    return f'{name}!'\n", "def f(name, prefix=''):\n    return f'{prefix}{name}!'\n"),
    ("def f(x):\n    log(x)\n    return x\n", "def f(x, quiet=False):\n    if not quiet:\n        log(x)\n    return x\n"),
    ("def f(x):\n    return g(x)\n", "def f(x, strict=False):\n    if strict and x < 0:\n        raise ValueError(x)\n    return g(x)\n"),
    # a changed statement that does not mention the new parameter is not this check's business
    ("def f(x):\n    return x + 1\n", "def f(x, y=0):\n    print(y)\n    return x + 2\n"),
    # the body rebinds the parameter: substituting the default would not hold
    ("def f(x):\n    return x\n", "def f(x, n=None):\n    if n is None:\n        n = 1\n    return x * n\n"),
    # an old parameter gone: a signature change, not an option added
    ("def f(x, y):\n    return x + y\n", "def f(x, z=0):\n    return x + z\n"),
])
def test_what_keeps_the_old_behaviour_at_the_default_is_left_alone(old: str, new: str) -> None:
    assert found(old, new) == []


@pytest.mark.parametrize("old, new", [
    ("def f(t):\n    return t\n", "def f(t, scale=1.0):\n    return t * scale + 1\n"),
    ("def f(xs):\n    return sorted(xs)\n", "def f(xs, reverse=False):\n    return sorted(xs, reverse=not reverse)\n"),
    ("class A:\n    def f(self, x):\n        return x\n",
     "class A:\n    def f(self, x, strict=True):\n        return x if not strict else int(x)\n"),
])
def test_what_a_caller_that_leaves_the_option_out_would_notice_is_found(old: str, new: str) -> None:
    assert len(found(old, new)) == 1


def test_a_method_is_named_by_its_class() -> None:
    old = "class A:\n    def f(self, x):\n        return x\n"
    new = "class A:\n    def f(self, x, strict=True):\n        return x if not strict else int(x)\n"
    assert "A.f now does `return int(x)` where it did `return x`" in found(old, new)[0][1]


def test_it_is_a_problem_of_the_change_in_its_file() -> None:
    problems = new_problems({"imp.py": SHIFTED}, {"imp.py": IMPORT}, {"imp.py": IMPORT})
    assert [(p.path, p.line) for p in problems] == [("imp.py", 7), ("imp.py", 9)]
    assert new_problems({"imp.py": KEPT}, {"imp.py": IMPORT}, {"imp.py": IMPORT}) == []
    assert not [p for p in new_problems({"new.py": SHIFTED}, {}, {})
                if "left out" in p.message]  # a new file had no callers


def test_the_code_model_is_told_and_its_fixed_reply_is_taken(make_repo) -> None:
    repo = make_repo({"imp.py": "def check(row, line):\n    return row, line\n\n\n" + IMPORT})
    told, result = told_and_taken(repo, [code_reply(SHIFTED.strip()), code_reply(KEPT.strip())],
                                  "import_rows in imp.py should take skip_rows=N (default 0) to ignore the first N lines")
    assert "with skip_rows left out (so skip_rows=0)" in told and "f'line {line + 1}: expected 2 fields'" in told
    assert "if line <= skip_rows:" in result.diff and "line + 1 - skip_rows" not in result.diff
