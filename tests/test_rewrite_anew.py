"""The round that writes a function anew, on the packaged code model: shown the signature and
the description but not the buggy body, it writes a body that works."""

from __future__ import annotations

import pytest

from dcx.backends import create_backends
from dcx.codegen import CodeWriter
from dcx.config import load_settings
from dcx.progress import Silent
from dcx.targets import find_target, hide_body

BUGGY = '''def kth(arr, k):
    pivot = arr[0]
    below = [x for x in arr if x < pivot]
    above = [x for x in arr if x > pivot]

    num_less = len(below)
    num_lessoreq = len(arr) - len(above)

    if k < num_less:
        return kth(below, k)
    elif k >= num_lessoreq:
        return kth(above, k)
    else:
        return pivot


"""
QuickSelect

This is an efficient equivalent to sorted(arr)[k].

Input:
    arr: A list of ints
    k: An int

Precondition:
    0 <= k < len(arr)

Output:
    The kth-lowest element of arr (0-based)
"""
'''
TESTS = '''from kth import kth


def test_kth():
    assert kth([1, 2, 3, 4, 5, 6, 7], 4) == 5
    assert kth([3, 6, 7, 1, 6, 3, 8, 9], 5) == 7
    assert kth([45, 2, 6, 8, 42, 90, 322], 1) == 6
'''
FAILED = '''>       assert kth([1, 2, 3, 4, 5, 6, 7], 4) == 5
E       assert 7 == 5
FAILED test_kth.py::test_kth - assert 7 == 5'''
CASES = [([1, 2, 3, 4, 5, 6, 7], 4), ([3, 6, 7, 1, 6, 3, 8, 9], 5), ([3, 6, 7, 1, 6, 3, 8, 9], 2),
         ([2, 6, 8, 3, 5, 7], 0), ([34, 25, 7, 1, 9], 4), ([45, 2, 6, 8, 42, 90, 322], 1)]


@pytest.mark.model
def test_the_real_code_model_writes_a_hidden_function_anew() -> None:
    coder = create_backends(load_settings(None, {}), Silent())["code"]
    prompts = []
    writer = CodeWriter(coder, 2, lambda c: None, 8192, round_number=3, greedy=True)
    original = coder.chat
    coder.chat = lambda request, watch=None: (prompts.append(request.messages[-1]["content"])
                                              or original(request, watch))
    request = ("Fix the bug in kth.py: the tests in test_kth.py fail.\nThe body of kth is hidden "
               "because it has a bug that earlier attempts could not find. The last attempt failed "
               f"the tests like this:\n{FAILED}\nWrite kth anew, correctly, from its name, its "
               "description and the tests.")
    target = find_target("kth.py", BUGGY, "kth")
    edit = writer.rewrite("kth.py", BUGGY, target, request, request, tests={"test_kth.py": TESTS},
                          hidden=hide_body(BUGGY, target))
    assert "def kth(arr, k):\n    ...\n" in prompts[0] and "num_lessoreq" not in prompts[0]
    assert edit.changed and '"""\nQuickSelect' in edit.new_text  # the module docstring is kept
    namespace: dict = {}
    exec(compile(edit.new_text, "kth.py", "exec"), namespace)
    assert [namespace["kth"](list(arr), k) for arr, k in CASES] == [sorted(arr)[k] for arr, k in CASES]
