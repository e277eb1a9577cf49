"""The environment variables through which git tells a process where its repository is. git
exports them to hooks and to `git bisect run`; what runs in a copy of a repository, or in a
repository of dcx's own making, must not inherit them, or git and GitPython act on the user's
repository instead (`git init` in a bench copy under `git bisect run` made the user's repository
bare, and the copy's `commit` committed into it)."""

from __future__ import annotations

import os
from typing import Mapping

# `git rev-parse --local-env-vars` (git 2.39), less GIT_CONFIG_PARAMETERS and GIT_CONFIG_COUNT:
# those carry the user's `git -c` settings, not a place. benchmarks/*/check_tasks.py and
# scripts/demo.sh, which do not import dcx, hold copies of this list.
LOCATION = ("GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_OBJECT_DIRECTORY", "GIT_DIR",
            "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE", "GIT_INDEX_FILE",
            "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_PREFIX", "GIT_INTERNAL_SUPER_PREFIX",
            "GIT_SHALLOW_FILE", "GIT_COMMON_DIR")


def away_from_the_repository(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` without the variables that tie git to the user's repository."""
    return {name: value for name, value in env.items() if name not in LOCATION}


def leave_the_repository() -> None:
    """Drop those variables from this process's environment, for a command that works only in
    repositories of its own (the benchmarks' copies): GitPython reads os.environ itself."""
    for name in LOCATION:
        os.environ.pop(name, None)
