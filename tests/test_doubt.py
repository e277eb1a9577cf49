"""A change from a sampled retry that the code model was unsure of is not offered unchecked."""

from __future__ import annotations

import math

import pytest

from dcx.backends.token_probabilities import TokenProbabilities
from dcx.config import load_settings
from dcx.doubt import UNSURE, added_lines, lowest_added, unsure
from dcx.progress import Silent
from dcx.run import run_request
from dcx.workspace import Workspace
from tests.conftest import call, code_reply, git
from tests.fakes import FakeBackend, Scored

PLAN = [call("generate_code", path="stats/core.py", target="mean", instructions="fix"),
        call("finish", answer="ok")]
BROKEN = code_reply('def mean(values):\n    """Arithmetic mean of a non-empty list."""\n'
                    "    return sum(values) /\n")  # a syntax error: the greedy try fails its check
RIGHT = code_reply('def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    if not values:\n'
                   '        raise ValueError("mean of an empty list")\n    return sum(values) / len(values)')
MEAN_TEST = "python -m pytest -q -p no:cacheprovider tests"


def fix(repo, replies, test_command=None, apply=False):
    coder = FakeBackend(replies)
    outcome = run_request(Workspace(repo), load_settings(repo, {"plan_first_call": False}), "mean is wrong",
                          (), "fix", apply, Silent(), {"router": FakeBackend(PLAN), "code": coder},
                          test_command=test_command)
    return outcome, coder


def test_the_lines_a_change_adds() -> None:
    old = "a = 1\nb = 2\n\nc = 3\n"
    new = "a = 1\nb = 20\n\n\nc = 3\n    d = 4\n"
    assert added_lines(old, new) == ["b = 20", "d = 4"]
    assert added_lines("", "x\n") == ["x"] and added_lines("x\n", "") == []


def test_the_lowest_probability_is_that_of_a_token_on_an_added_line() -> None:
    old = {"a.py": "x = 1\ny = 2\n"}
    new = {"a.py": "x = 1\ny = 3\nz = 4\n"}
    tokens = [("```python\n", 0.99), ("x", 0.1), (" = 1\n", 0.9), ("y", 0.8), (" =", 0.7), (" 3", 0.4),
              ("\n", 0.05), ("z = ", 0.6), ("4", 0.5), ("\n```", 0.9)]
    # "x" (0.1) is on a line the change keeps, "\n" (0.05) after an added line: neither counts
    assert lowest_added(tokens, old, new) == 0.4
    # a line the reply does not spell (dcx added it) counts for nothing
    assert lowest_added(tokens, old, {"a.py": "import os\nx = 1\ny = 2\n"}) is None
    assert lowest_added(tokens, old, {"b.py": "y = 3\n"}) == 0.4  # a new file: every line is added


def test_only_a_retry_below_the_threshold_is_unsure() -> None:
    assert unsure([]) == ""
    assert unsure([("mean", "stats/core.py", UNSURE)]) == ""
    said = unsure([("mean", "stats/core.py", 0.5), ("median", "stats/core.py", 0.125),
                   ("spread", "stats/core.py", 0.15)])
    assert "median in stats/core.py" in said and "0.12" in said and "--test" in said


def test_the_recorder_keeps_the_chosen_tokens_probability_and_passes_the_logits_on() -> None:
    np = pytest.importorskip("numpy")
    recorder = TokenProbabilities()
    first = np.array([0.0, math.log(3.0), -math.inf], dtype=np.float32)  # softmax: 0.25, 0.75, 0
    assert recorder([7], first) is first
    first[:] = 0.0  # llama.cpp reuses its buffer: what was kept is a copy
    assert recorder([7, 1], np.array([math.log(2.0), 0.0, 0.0], dtype=np.float32)) is not None
    recorder([7, 1, 0], np.zeros(3, dtype=np.float32))
    spelled = {1: "é".encode()[:1], 0: "é".encode()[1:]}  # one character split over two tokens
    pieces = recorder.pieces(lambda ids: spelled[ids[0]], "é!")
    assert [piece for piece, _ in pieces] == ["", "é"]
    assert [round(p, 6) for _, p in pieces] == [0.75, 0.5]
    assert recorder.pieces(lambda ids: spelled[ids[0]], "e!") == ()  # they do not spell the reply


def test_an_unsure_retry_is_withheld_when_no_test_checks_it(fixture_repo) -> None:
    repo = fixture_repo("mean")
    outcome, coder = fix(repo, [BROKEN, Scored(RIGHT, {"len(values)": 0.1})], apply=True)
    assert [h["temperature"] > 0 for h in coder.history] == [False, True]
    assert [h["probabilities"] for h in coder.history] == [False, True]
    assert "unsure" in outcome.withheld and "0.10" in outcome.withheld
    assert outcome.exit_code == 1 and outcome.result.diff == "" and not outcome.wrote
    assert git(repo, "status", "--porcelain") == ""


def test_a_sure_retry_is_offered(fixture_repo) -> None:
    repo = fixture_repo("mean")
    outcome, _ = fix(repo, [BROKEN, Scored(RIGHT, {"len(values)": 0.3})])
    assert not outcome.withheld and outcome.exit_code == 0
    assert "+    return sum(values) / len(values)" in outcome.result.diff


def test_a_greedy_reply_is_not_judged_by_its_certainty(fixture_repo) -> None:
    repo = fixture_repo("mean")
    outcome, coder = fix(repo, [Scored(RIGHT, {"len(values)": 0.01})])
    assert coder.history[0]["probabilities"] is False
    assert not outcome.withheld and "+    return sum(values) / len(values)" in outcome.result.diff


def test_with_a_test_command_the_tests_decide(fixture_repo) -> None:
    repo = fixture_repo("mean")
    outcome, _ = fix(repo, [BROKEN, Scored(RIGHT, {"len(values)": 0.1})], test_command=MEAN_TEST)
    assert not outcome.withheld and outcome.tests_passed
    assert "+    return sum(values) / len(values)" in outcome.result.diff
