"""Locals a function may read before a branch assigned them (dcx.unbound): found in the shape a
small model writes them, left alone in the shapes working code takes, and counted only when a
change brings them (a reply is told, and one that keeps the problem is not shown)."""

from __future__ import annotations

import ast

import pytest

from dcx.static_check import new_problems
from dcx.unbound import possibly_unbound
from tests.conftest import code_reply, told_and_taken

# the shape of a held-out task's first attempt: `infra` is set when a rank is found, not else
FORGOT_A_BRANCH = '''
def parse(rest, ranks):
    if rest:
        rank = rest[0]
        if rank in ranks:
            infra = rest[1]
        else:
            authority = rest[1]
    else:
        rank = infra = None
    return rank, infra
'''


def found(source: str) -> list[str]:
    return [message.split(" ")[0] for _, message in possibly_unbound(ast.parse(source))]


def test_a_name_an_else_branch_leaves_out_is_found() -> None:
    assert possibly_unbound(ast.parse(FORGOT_A_BRANCH)) == [
        (11, "infra may be unbound here: a branch before this line does not assign it (in parse)")]


@pytest.mark.parametrize("source, names", [
    ("def f():\n    try:\n        v = g()\n    except KeyError:\n        pass\n    return v\n", ["v"]),
    ("def f(c):\n    if c:\n        n = 0\n    else:\n        pass\n    n += 1\n", ["n"]),
    # every branch assigns, or the one that does not ends the path
    ("def f(x):\n    if x:\n        y = 1\n    else:\n        y = 2\n    return y\n", []),
    ("def f(x):\n    if x > 1:\n        y = 1\n    elif x:\n        y = 2\n    else:\n        raise E\n"
     "    return y\n", []),
    ("import sys\ndef f(x):\n    if x:\n        y = 1\n    else:\n        sys.exit(2)\n    return y\n", []),
    ("def f():\n    try:\n        v = g()\n    except KeyError:\n        v = None\n    return v\n", []),
    # shapes working code takes: an elif chain over every case, a loop, the same test again
    ("def f(u):\n    if u == 'g':\n        k = 1\n    elif u == 'kg':\n        k = 1000\n    return k\n", []),
    ("def f(xs):\n    for x in xs:\n        last = x\n    return last\n", []),
    ("def f(v, xs):\n    if v:\n        w = 3\n    else:\n        pass\n    if v:\n        print(w)\n", []),
    # not the function's own: a closure, a comprehension's variable, an item of a container
    ("def f(c, d):\n    if c:\n        y = 1\n    else:\n        pass\n    def g():\n        return y\n"
     "    d[k] = [k for k in d]\n    return g\n", []),
])
def test_what_is_found_and_what_is_left_alone(source, names) -> None:
    assert found(source) == names


def test_only_a_change_that_brings_one_counts() -> None:
    old = "def parse(rest, ranks):\n    return rest\n"
    (problem,) = new_problems({"tax.py": FORGOT_A_BRANCH}, {"tax.py": old}, {"tax.py": old})
    assert problem.line == 11 and problem.message.startswith("infra may be unbound here")
    assert new_problems({"tax.py": FORGOT_A_BRANCH + "\n"}, {"tax.py": FORGOT_A_BRANCH},
                        {"tax.py": FORGOT_A_BRANCH}) == []


def test_the_code_model_is_told_and_its_fixed_reply_is_taken(make_repo) -> None:
    repo = make_repo({"names.py": "RANKS = ('var.', 'subsp.')\n\n\ndef parse(rest):\n    return rest\n"})
    fixed = FORGOT_A_BRANCH.replace("            authority = rest[1]", "            infra = None")
    told, result = told_and_taken(repo, [
        code_reply(FORGOT_A_BRANCH.strip().replace("ranks", "RANKS").replace("parse(rest, RANKS)", "parse(rest)")),
        code_reply(fixed.strip().replace("ranks", "RANKS").replace("parse(rest, RANKS)", "parse(rest)"))],
        "parse in names.py should return the rank and the infraspecific name")
    assert "infra may be unbound here" in told
    assert "+            infra = None" in result.diff and "authority" not in result.diff
