"""Messages that name a long list name the first few and say how many more there are."""

from __future__ import annotations

from dcx.guards import removed_definitions_reason
from dcx.listing import first_few


def test_the_first_few_and_how_many_more() -> None:
    assert first_few(["a", "b"], 3) == "a, b"
    assert first_few(["a", "b", "c"], 3) == "a, b, c"
    assert first_few(["a", "b", "c", "d", "e"], 3) == "a, b, c and 2 more"
    assert first_few([], 3) == ""


def test_a_refusal_to_delete_many_definitions_says_how_many_it_left_unnamed() -> None:
    old = "".join(f"def f{n}():\n    return {n}\n\n\n" for n in range(7)) + "def keep():\n    return 0\n"
    new = "def keep():\n    return 0\n"
    reason = removed_definitions_reason("m.py", old, new, "tidy the module")
    assert reason.startswith("the change would delete f0, f1, f2, f3, f4 and 2 more, which the request")
