"""Write a change into the working tree (atomic per file, all-or-nothing across files) and stage
exactly dcx's own hunks."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, TypeVar

import git

from dcx import backups
from dcx.atomic import write_atomic
from dcx.encoding import encode
from dcx.errors import ApplyError, PathError
from dcx.patch import FileChange, build_patch, patch_bytes
from dcx.workspace import FileText, Workspace


T = TypeVar("T")


@dataclass(frozen=True)
class ApplyOutcome:
    applied: tuple[str, ...]
    staged: tuple[str, ...]
    notes: tuple[str, ...]  # why a file was not staged, etc.
    backup: str = ""  # the id `dcx undo` knows this apply by


def encoded(change: FileChange) -> bytes:
    """The bytes ``change`` writes, in its file's encoding; ApplyError when it cannot carry them."""
    try:
        return encode(change.new, change.encoding, change.path)
    except PathError as exc:
        raise ApplyError(f"{exc}; nothing was written") from None


def check_unchanged(workspace: Workspace, changes: tuple[FileChange, ...],
                    originals: Mapping[str, FileText]) -> None:
    """Every target must still hold the text the patch was built from; new files must not exist."""
    for change in changes:
        full = workspace.root / workspace.check_path(change.path)
        if change.is_new:
            if full.exists() or full.is_symlink():
                raise ApplyError(f"{change.path} appeared while dcx was working; nothing was written. "
                                 "Move it away or run dcx again")
            continue
        try:
            current = full.read_bytes()
        except OSError:
            current = None
        if current != originals[change.path].raw:
            raise ApplyError(f"{change.path} changed while dcx was working; nothing was written. "
                             "Run dcx again on the current version")


def check_no_conflicts(workspace: Workspace, changes: tuple[FileChange, ...]) -> None:
    """Refuse to write into a file git holds as unmerged (a merge, rebase or cherry-pick that
    stopped on a conflict there): the index has no single version to stage against."""
    out = workspace.repo.git.ls_files("-u", "-z")
    unmerged = {entry.split("\t", 1)[1] for entry in out.split("\0") if "\t" in entry}
    for change in changes:
        if change.path in unmerged:
            raise ApplyError(f"{change.path} has unresolved merge conflicts; resolve them and "
                             "`git add` it, then run dcx again. Nothing was written")


def write_changes(workspace: Workspace, changes: tuple[FileChange, ...],
                  originals: Mapping[str, FileText]) -> None:
    """Write every file or none: on any failure (or Ctrl-C), files already written are put back."""
    check_unchanged(workspace, changes, originals)
    data = {change.path: encoded(change) for change in changes}  # every file encodes, or none is written
    started: list[FileChange] = []  # a write may have happened: put back unless it did not
    created_dirs: list[Path] = []
    try:
        for change in changes:
            full = workspace.root / change.path
            if change.is_new:
                missing = [p for p in reversed(full.parents) if not p.exists()]
                full.parent.mkdir(parents=True, exist_ok=True)
                created_dirs += missing
                mode = 0o666 & ~_umask()
            else:
                mode = originals[change.path].mode
            started.append(change)
            write_atomic(full, data[change.path], mode)
    except BaseException as exc:
        try:
            _put_back(workspace, started, originals, created_dirs)
        except BaseException as second:
            why = ("interrupted" if isinstance(second, KeyboardInterrupt)
                   else getattr(second, "strerror", None) or type(second).__name__)
            raise RollbackError(f"writing the change failed, and putting back the files already "
                                f"written failed too ({why}): some files may hold dcx's version; "
                                "`dcx undo` puts back their previous versions") from None
        if isinstance(exc, OSError):
            raise ApplyError(f"could not write {getattr(exc, 'filename', '') or 'a file'}: "
                             f"{exc.strerror}; nothing was changed") from None
        raise


class RollbackError(ApplyError):
    """Writing failed and so did restoring a file already written: the backup must be kept."""


def _put_back(workspace: Workspace, started: list[FileChange], originals: Mapping[str, FileText],
              created_dirs: list[Path]) -> None:
    for change in reversed(started):
        full = workspace.root / change.path
        if change.is_new:
            full.unlink(missing_ok=True)
        elif _read(full) != originals[change.path].raw:
            original = originals[change.path]
            write_atomic(full, original.raw, original.mode)
    for directory in reversed(created_dirs):
        try:
            directory.rmdir()
        except OSError:
            pass


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def stage(workspace: Workspace, changes: tuple[FileChange, ...],
          on_staged: Callable[[str], None] | None = None) -> tuple[list[str], list[str]]:
    """Apply dcx's own diff to the index, file by file, so the user's unstaged edits stay unstaged.
    ``on_staged`` hears of each file as soon as it is staged."""
    staged, notes = [], []
    lock = workspace.index_lock()
    if lock:
        return [], [f"not staged: {lock} exists (another git "
                    "process is running, or one crashed); the change is in your working tree"]
    for change in changes:
        build_patch([change])  # checked
        try:
            with _stdin(patch_bytes([change])) as diff:
                workspace.repo.git.apply("--cached", "--recount", "-", istream=diff)
            staged.append(change.path)
            if on_staged:
                on_staged(change.path)
        except git.GitCommandError:
            notes.append(f"not staged: {change.path} differs between the index and the working tree "
                         "around dcx's change; review it and `git add` it yourself")
    return staged, notes


def _stdin(data: bytes):
    handle = tempfile.TemporaryFile()
    handle.write(data)
    handle.seek(0)
    return handle


def write_with_backup(workspace: Workspace, changes: tuple[FileChange, ...],
                      originals: Mapping[str, FileText], instruction: str) -> Path:
    """Check the targets, back them up, write every file or none; the backup folder is
    returned (the caller marks it applied when it is done)."""
    check_no_conflicts(workspace, changes)
    check_unchanged(workspace, changes, originals)
    for change in changes:
        encoded(change)
    folder = backups.record(workspace, changes, originals, instruction)
    try:
        write_changes(workspace, changes, originals)
    except RollbackError:
        raise  # some file may hold the new text: the backup is what `dcx undo` needs
    except BaseException:
        backups.discard(folder)
        raise
    return folder


_FAULTS = (KeyboardInterrupt, OSError, git.GitCommandError)


def after_writing(workspace: Workspace, folder: Path, step: Callable[[], T], doing: str,
                  unsure: str) -> T:
    """``step()``, which follows a write (staging, recording the backup as applied). A fault in it
    cannot be called "nothing was written": the error says the change is in the working tree and
    how to revert it. The backup is marked applied if it can be; if not, `dcx undo --list` shows
    it as interrupted, and undo puts back exactly what dcx wrote."""
    try:
        return step()
    except _FAULTS as exc:
        try:
            backups.mark_applied(workspace, folder)
        except _FAULTS:
            pass
        what = (f"interrupted while {doing}" if isinstance(exc, KeyboardInterrupt)
                else f"{doing} failed ({getattr(exc, 'strerror', None) or type(exc).__name__})")
        raise ApplyError(f"{what}: the change is in the working tree but {unsure}; "
                         "`dcx undo` reverts it") from None


def apply_and_stage(workspace: Workspace, changes: tuple[FileChange, ...],
                    originals: Mapping[str, FileText], instruction: str = "") -> ApplyOutcome:
    """Back up, write every file or none, then stage dcx's hunks; `dcx undo` reverts it."""
    if not changes:
        return ApplyOutcome((), (), ())
    folder = write_with_backup(workspace, changes, originals, instruction)

    def stage_and_record() -> tuple[list[str], list[str]]:
        done = stage(workspace, changes, lambda p: backups.note_staged(workspace, folder, p))
        backups.mark_applied(workspace, folder)
        return done

    staged, notes = after_writing(workspace, folder, stage_and_record, "staging", "may not be staged")
    return ApplyOutcome(tuple(c.path for c in changes), tuple(staged), tuple(notes), folder.name)
