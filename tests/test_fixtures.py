"""Every fixture task is real: its tests fail as shipped and pass with its reference fix."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from dcx.verify import parse_command
from tests.conftest import FIXTURES, git

NAMES = sorted(p.name for p in FIXTURES.iterdir() if (p / "task.json").is_file())


def test_there_are_fixtures() -> None:
    assert len(NAMES) >= 2


@pytest.mark.parametrize("name", NAMES)
def test_fixture_fails_before_and_passes_after_its_reference_fix(name, tmp_path) -> None:
    task = json.loads((FIXTURES / name / "task.json").read_text())
    assert task["instruction"].strip() and task["timeout_s"] > 0
    repo = tmp_path / name
    shutil.copytree(FIXTURES / name / "repo", repo, ignore=shutil.ignore_patterns("__pycache__"))
    git(repo, "init", "-q")
    argv = list(parse_command(task["test_command"]))

    def tests_pass() -> bool:
        done = subprocess.run(argv, cwd=repo, capture_output=True, text=True, timeout=task["timeout_s"],
                              env={"PATH": "/usr/local/bin:/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"})
        return done.returncode == 0

    assert not tests_pass(), f"{name}: the tests already pass before the fix"
    git(repo, "apply", str(FIXTURES / name / "reference.diff"))
    assert tests_pass(), f"{name}: the tests fail with the reference fix"
