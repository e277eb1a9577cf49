"""`dcx undo`: revert the last (or a named) `--apply`, files and index, through the write
transaction; `--list` shows the applies dcx keeps, damaged records included."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from dcx.backups import Backup, list_backups
from dcx.commands import open_workspace
from dcx.write import undo_apply


@dataclass(frozen=True)
class UndoOutcome:
    listed: tuple[Backup, ...] = ()  # with --list: every apply, newest first
    undone: Backup | None = None  # without it: the apply just reverted


def undo(cwd: Path, show_list: bool, backup_id: str | None,
         on_skipped: Callable[[Backup], None] | None = None) -> UndoOutcome:
    """`dcx undo [--list] [--id ID]` run from ``cwd``; ``on_skipped`` hears of each damaged
    record passed over on the way to the apply that is undone."""
    workspace = open_workspace(cwd)
    if show_list:
        return UndoOutcome(listed=tuple(list_backups(workspace)))
    return UndoOutcome(undone=undo_apply(workspace, backup_id, on_skipped))
