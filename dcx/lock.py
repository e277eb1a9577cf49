"""One dcx at a time changes a repository's files and index: an exclusive lock (``flock``) on
``dcx/lock`` in the repository's common git folder, so linked worktrees share it. Two
`dcx fix --apply` at once once lost a change (each checked the file unchanged, both wrote, the
tree kept one change and the index both); under the lock the second one finds the file changed.

The lock is held only while files and the index are written (never while a model runs), so a
second dcx waits a bounded time and then gives up, changing nothing."""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from dcx.errors import ApplyError, RepositoryBusyError
from dcx.workspace import Workspace

WAIT_SECONDS = 10.0  # how long a second dcx waits for the first to finish writing
_POLL_SECONDS = 0.05


def lock_path(workspace: Workspace) -> Path:
    """``<common git dir>/dcx/lock``: the main repository's .git even from a linked worktree."""
    return Path(workspace.repo.common_dir).resolve() / "dcx" / "lock"


@contextmanager
def repository_lock(workspace: Workspace, wait: float | None = None) -> Iterator[None]:
    """Hold the repository's dcx lock for the ``with`` block; RepositoryBusyError when another
    process holds it for longer than ``wait`` seconds (WAIT_SECONDS by default). The lock goes
    with the process: a dcx that is killed never leaves it held."""
    path = lock_path(workspace)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise ApplyError(f"cannot open dcx's lock {path}: {exc.strerror}; nothing was written") from None
    try:
        _acquire(fd, WAIT_SECONDS if wait is None else wait)
        yield
    finally:
        os.close(fd)  # closing the only descriptor releases the lock


def _acquire(fd: int, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise RepositoryBusyError(
                    "another dcx is applying a change in this repository; try again") from None
            time.sleep(_POLL_SECONDS)
