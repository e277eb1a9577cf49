#!/usr/bin/env python3
"""Validate the Exercism-style tasks: each fails as shipped and passes with its reference fix.

Usage::

    python benchmarks/exercism_style/check_tasks.py [slug ...]

For every task (a folder holding ``task.json``), on a scratch git copy of ``repo/``: pytest finds
no test (exit status 5: the tests are hidden, as in an exercise); with ``hidden_tests/`` laid
over it, the tests fail (exit status 1); after ``git apply reference.diff``, which may touch
only ``<slug>.py``, they pass. Prints one line per task and exits non-zero if any check fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
GIT = ["git", "-c", "user.name=check", "-c", "user.email=check@example.invalid"]


# Exported by git to hooks and `git bisect run`: they would point git in a scratch copy at the
# repository this script runs in (its `init` makes that repository bare). The same list as
# dcx.gitenv.LOCATION (this script does not import dcx).
GIT_LOCATION = ("GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_OBJECT_DIRECTORY", "GIT_DIR",
                "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE", "GIT_INDEX_FILE",
                "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_PREFIX",
                "GIT_INTERNAL_SUPER_PREFIX", "GIT_SHALLOW_FILE", "GIT_COMMON_DIR")
# Nor do the copies read the user's git settings (a signing key, hooks): dcx.gitenv.NO_USER_CONFIG.
NO_USER_CONFIG = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _run(argv: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in GIT_LOCATION}
    env.update(NO_USER_CONFIG)
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=check)


def _pytest(cwd: Path) -> tuple[int, str]:
    done = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd, check=False)
    return done.returncode, (done.stdout.strip().splitlines() or [""])[-1]


def validate(task: Path) -> bool:
    spec = json.loads((task / "task.json").read_text())
    slug = task.name
    problems = [] if spec.get("id") == slug else [f"id {spec.get('id')!r} is not the folder name"]
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        shutil.copytree(task / "repo", repo)
        for argv in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "task"]):
            _run(GIT + argv, repo)
        bare = _pytest(repo)
        for test in (task / spec["hidden_tests"]).iterdir():
            shutil.copy(test, repo / test.name)
        stub = _pytest(repo)
        diff = (task / "reference.diff").read_text()
        touched = [line for line in diff.splitlines() if line.startswith("diff --git")]
        if touched != [f"diff --git a/{slug}.py b/{slug}.py"]:
            problems.append(f"reference.diff touches {touched}")
        _run(GIT + ["apply", str(task / "reference.diff")], repo)
        fixed = _pytest(repo)
    if bare[0] != 5:
        problems.append(f"pytest without the hidden tests exits {bare[0]}, not 5")
    if stub[0] != 1:
        problems.append(f"the hidden tests exit {stub[0]} on the stub, not 1")
    if fixed[0] != 0:
        problems.append(f"the hidden tests fail with reference.diff: {fixed[1]}")
    print(f"{'OK ' if not problems else 'BAD'} {slug:18} stub: {stub[1]}; fixed: {fixed[1]}"
          + "".join(f"\n    {p}" for p in problems))
    return not problems


def main(slugs: list[str]) -> int:
    tasks = [ROOT / s for s in slugs] or sorted(p for p in ROOT.iterdir() if (p / "task.json").is_file())
    results = [validate(t) for t in tasks]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
