"""Golden regression tests: each fixture's recorded model replies, replayed through the whole
pipeline (real git, scripted models), must give the recorded diff. Refresh them on purpose with
`.venv/bin/dcx bench fixtures --record`."""

from __future__ import annotations

import json

import pytest

from dcx.bench import GOLDEN, load_task, run_task
from dcx.config import load_settings
from tests.conftest import FIXTURES
from tests.fakes import FakeBackend

GOLDENS = sorted(p.parent.name for p in FIXTURES.glob(f"*/{GOLDEN}"))


def test_every_fixture_has_a_golden_recording() -> None:
    names = sorted(p.name for p in FIXTURES.iterdir() if (p / "task.json").is_file())
    assert GOLDENS == names


@pytest.mark.parametrize("name", GOLDENS)
def test_replay_gives_the_recorded_diff(name) -> None:
    golden = json.loads((FIXTURES / name / GOLDEN).read_text())
    router, coder = FakeBackend(golden["router"]), FakeBackend(golden["code"])
    result = run_task(load_task(FIXTURES / name), load_settings(None, {}),
                      {"router": router, "code": coder}, rounds=0)
    assert result.diff == golden["diff"]
    assert result.outcome == golden["outcome"]  # "no change" is not "error: ...", nor "failed"
    assert result.passed == golden["passed"]
    assert router.pending == 0 and coder.pending == 0  # every recorded reply was used
