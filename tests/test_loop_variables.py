"""A loop's variable read in another loop (dcx.loop_variables): found in the shape a small model
writes it, left alone in the shapes working code takes, counted only when a change brings it,
and told to the code model, whose next reply is taken."""

from __future__ import annotations

import ast

import pytest

from dcx.loop_variables import read_outside_their_loop
from dcx.static_check import new_problems
from tests.conftest import code_reply, told_and_taken

# the shape of a dev task's first attempt: the second loop writes the first loop's `ing.note`
SHOPPING = '''def shopping_list(recipes):
    totals = {}
    for recipe in recipes:
        for ing in recipe.ingredients:
            totals[ing.name] = totals.get(ing.name, 0) + ing.quantity
    lines = []
    for name, amount in sorted(totals.items()):
        lines.append(f"{amount} {name}")
    return lines
'''
LEAKED = SHOPPING.replace('f"{amount} {name}"', 'f"{amount} {name} ({ing.note})"')


def names(source: str) -> list[tuple[int, str]]:
    return [(line, message.split(" ")[0]) for line, message in read_outside_their_loop(ast.parse(source))]


def test_the_first_loops_variable_in_the_second_loop_is_found() -> None:
    assert names(LEAKED) == [(8, "ing")]
    assert names(SHOPPING) == []


@pytest.mark.parametrize("source, found", [
    # after the loop, in no other loop: the search idiom
    ("def f(xs):\n    for x in xs:\n        if x:\n            break\n    return x\n", []),
    # assigned otherwise too, or a parameter: not only the loop's
    ("def f(xs):\n    x = None\n    for x in xs:\n        pass\n    for y in xs:\n        print(x, y)\n", []),
    ("def f(x, xs):\n    for x in xs:\n        pass\n    for y in xs:\n        print(x, y)\n", []),
    # inside its own loop, a nested loop included
    ("def f(rows):\n    for row in rows:\n        for cell in row:\n            print(row, cell)\n", []),
    # a comprehension binding the name itself; the next loop's iterable, read before it runs
    ("def f(xs):\n    for x in xs:\n        pass\n    return [x for x in xs]\n", []),
    ("def f(xs):\n    for x in xs:\n        pass\n    for y in range(x):\n        print(y)\n", []),
    # a nested function has a scope of its own
    ("def f(xs):\n    for x in xs:\n        pass\n    for y in xs:\n        g = lambda: x\n", []),
    # read in a comprehension, a while loop, or the outer loop before the inner one sets it
    ("def f(xs, ys):\n    for x in xs:\n        pass\n    return [x + y for y in ys]\n", [(4, "x")]),
    ("def f(xs):\n    for x in xs:\n        pass\n    while xs:\n        print(x)\n", [(5, "x")]),
    ("def f(rows):\n    for row in rows:\n        print(cell)\n        for cell in row:\n            pass\n",
     [(3, "cell")]),
    # at a module's top level as in a function
    ("for x in range(3):\n    pass\nfor y in range(3):\n    print(x)\n", [(4, "x")]),
])
def test_what_is_found_and_what_is_left_alone(source, found) -> None:
    assert names(source) == found


def test_only_a_change_that_brings_one_counts() -> None:
    (problem,) = new_problems({"shop.py": LEAKED}, {"shop.py": SHOPPING}, {"shop.py": SHOPPING})
    assert (problem.line, problem.message.split(" ")[0]) == (8, "ing")
    assert new_problems({"shop.py": LEAKED + "\n"}, {"shop.py": LEAKED}, {"shop.py": LEAKED}) == []


def test_the_code_model_is_told_and_its_fixed_reply_is_taken(make_repo) -> None:
    repo = make_repo({"shop.py": SHOPPING})
    fixed = SHOPPING.replace("totals[ing.name] = ", "notes[ing.name] = ing.note\n            totals[ing.name] = ") \
        .replace("    totals = {}\n", "    totals = {}\n    notes = {}\n") \
        .replace('f"{amount} {name}"', 'f"{amount} {name} ({notes[name]})"')
    told, result = told_and_taken(repo, [code_reply(LEAKED.strip()), code_reply(fixed.strip())],
                                  "shopping_list in shop.py should show each ingredient's note in parentheses")
    assert "ing is read in a loop outside the loop that sets it" in told
    assert "({notes[name]})" in result.diff and "ing.note})" not in result.diff
