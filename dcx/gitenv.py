"""The environment variables through which git tells a process where its repository is. git
exports them to hooks and to `git bisect run`; what runs in a copy of a repository, or in a
repository of dcx's own making, must not inherit them, or git and GitPython act on the user's
repository instead (`git init` in a bench copy under `git bisect run` made the user's repository
bare, and the copy's `commit` committed into it). Nor do such repositories read the user's own
git settings (~/.gitconfig, /etc/gitconfig)."""

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


# A repository of dcx's own making reads no one's settings: a user's commit.gpgSign made every
# commit in a bench copy ask gpg for a signature, and core.hooksPath ran the user's hooks there.
NO_USER_CONFIG = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def away_from_the_repository(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` without the variables that tie git to the user's repository."""
    return {name: value for name, value in env.items() if name not in LOCATION}


def in_a_copy(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` for git in a repository of dcx's own making: no tie to the user's repository, and
    none of the user's settings."""
    return away_from_the_repository(env) | NO_USER_CONFIG


def leave_the_repository() -> None:
    """This process's environment as `in_a_copy` makes it, for a command that works only in
    repositories of its own (the benchmarks' copies): GitPython reads os.environ itself."""
    for name in LOCATION:
        os.environ.pop(name, None)
    os.environ.update(NO_USER_CONFIG)
