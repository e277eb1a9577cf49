"""A change that keeps a call but throws away what it returned (dcx.dropped_results), and the
code model is told when it does."""

from __future__ import annotations

import ast

import pytest

from dcx.dropped_results import dropped_results
from dcx.static_check import new_problems
from tests.conftest import code_reply, told_and_taken

# the shape of a QuixBugs first attempt: the call kept, what the generator yielded gone
HEAP = '''import heapq


def kheapsort(arr, k):
    heap = arr[:k]
    heapq.heapify(heap)

    for x in arr:
        yield heapq.heappushpop(heap, x)

    while heap:
        yield heapq.heappop(heap)
'''
DROPPED = HEAP.replace("        yield heapq.heappushpop(heap, x)\n",
                       "        if x < heap[0]:\n            heapq.heappushpop(heap, x)\n")
FIXED = HEAP.replace("    for x in arr:\n", "    for x in arr[k:]:\n")
# the same task's first attempt once its prompt changed: the yield and the call both gone
SILENT = HEAP.replace("        yield heapq.heappushpop(heap, x)\n",
                      "        if len(heap) < k:\n            heapq.heappush(heap, x)\n        else:\n"
                      "            heapq.heappop(heap)\n            heapq.heappush(heap, x)\n")


def found(old: str, new: str) -> list[tuple[int, str]]:
    return dropped_results(ast.parse(old), ast.parse(new))


def test_a_call_whose_yielded_value_is_thrown_away_is_found() -> None:
    [(line, message)] = found(HEAP, DROPPED)
    assert line == 10
    assert message.startswith("in kheapsort, `heapq.heappushpop(heap, x)` is now called for nothing")
    assert "kheapsort yielded what it returns" in message
    assert found(HEAP, FIXED) == []


def test_a_loop_that_yielded_on_every_pass_and_yields_nothing_now_is_found() -> None:
    [(line, message)] = found(HEAP, SILENT)
    assert line == 8
    assert message == ("in kheapsort, the loop `for x in arr` yields nothing now: before the change it "
                       "yielded on every pass; keep that unless the request asks for it")


@pytest.mark.parametrize("old, new", [
    # it still yields, under a condition
    ("def f(xs):\n    for x in xs:\n        yield x\n",
     "def f(xs):\n    for x in xs:\n        if x:\n            yield x\n"),
    # it yielded only under a condition before
    ("def f(xs):\n    for x in xs:\n        if x:\n            yield x\n",
     "def f(xs):\n    for x in xs:\n        print(x)\n"),
    # another loop: another iterable
    ("def f(xs):\n    for x in xs:\n        yield x\n", "def f(xs):\n    for x in xs[1:]:\n        print(x)\n"),
    # an inner loop over the same iterator never yielded (black's _iter_nameescape_slices)
    ("def f(it):\n    for i in it:\n        for i in it:\n            break\n        yield i\n",
     "def f(it):\n    for i in it:\n        for i in it:\n            pass\n        yield i\n"),
    # a loop of a function inside it
    ("def f(xs):\n    def g():\n        for x in xs:\n            yield x\n    return list(g())\n",
     "def f(xs):\n    return list(xs)\n"),
])
def test_loops_that_still_yield_or_never_did_every_pass_are_left_alone(old: str, new: str) -> None:
    assert found(old, new) == []


@pytest.mark.parametrize("old, new, verb", [
    ("def save(self):\n    return self.store.put(self.row)\n",
     "def save(self):\n    self.store.put(self.row)\n    self.saved = True\n", "returned"),
    ("async def fetch(c):\n    return await c.get('/')\n", "async def fetch(c):\n    await c.get('/')\n", "returned"),
    ("def walk(t):\n    yield from t.children()\n", "def walk(t):\n    t.children()\n", "yielded from"),
])
def test_returned_and_awaited_values_count_too(old: str, new: str, verb: str) -> None:
    [(line, message)] = found(old, new)
    assert f" {verb} what it returns" in message


@pytest.mark.parametrize("old, new", [
    # still returned somewhere in the new function
    ("def f(x):\n    return g(x)\n", "def f(x):\n    if x:\n        g(x)\n        return None\n    return g(x)\n"),
    # the old function made the same call as a statement too
    ("def f(x):\n    g(x)\n    return g(x)\n", "def f(x):\n    g(x)\n    return 0\n"),
    # its value is used: assigned, passed on, returned in another form
    ("def f(x):\n    return g(x)\n", "def f(x):\n    y = g(x)\n    return y\n"),
    ("def f(x):\n    return g(x)\n", "def f(x):\n    return h(g(x))\n"),
    # another call (other arguments) made as a statement is another change
    ("def f(x):\n    return g(x)\n", "def f(x):\n    g(x, 1)\n"),
    # a function the old module did not have
    ("def f(x):\n    return g(x)\n", "def f(x):\n    return g(x)\n\n\ndef h(x):\n    g(x)\n"),
])
def test_what_does_not_drop_a_result_is_left_alone(old: str, new: str) -> None:
    assert found(old, new) == []


def test_it_is_a_problem_of_the_change_in_its_file() -> None:
    problems = new_problems({"kheapsort.py": DROPPED}, {"kheapsort.py": HEAP}, {"kheapsort.py": HEAP})
    assert [(p.path, p.line) for p in problems] == [("kheapsort.py", 10)]
    assert new_problems({"kheapsort.py": FIXED}, {"kheapsort.py": HEAP}, {"kheapsort.py": HEAP}) == []


def test_the_code_model_is_told_and_its_fixed_reply_is_taken(make_repo) -> None:
    repo = make_repo({"kheapsort.py": HEAP})
    told, result = told_and_taken(repo, [code_reply(DROPPED.split("\n\n\n")[1].strip()),
                                         code_reply(FIXED.split("\n\n\n")[1].strip())],
                                  "kheapsort in kheapsort.py yields the elements out of order")
    assert "`heapq.heappushpop(heap, x)` is now called for nothing" in told
    assert "+    for x in arr[k:]:" in result.diff.splitlines()
    assert "+            heapq.heappushpop(heap, x)" not in result.diff.splitlines()  # the reply told


def test_the_code_model_is_told_of_a_silent_loop_and_its_fixed_reply_is_taken(make_repo) -> None:
    repo = make_repo({"kheapsort.py": HEAP})
    told, result = told_and_taken(repo, [code_reply(SILENT.split("\n\n\n")[1].strip()),
                                         code_reply(FIXED.split("\n\n\n")[1].strip())],
                                  "kheapsort in kheapsort.py yields the elements out of order")
    assert "the loop `for x in arr` yields nothing now" in told
    assert "+    for x in arr[k:]:" in result.diff.splitlines()
    assert "+            heapq.heappush(heap, x)" not in result.diff.splitlines()  # the reply told
