"""The write transaction: every change dcx makes to a working tree and its index goes through
here, in one straight line, under the repository's lock (dcx.lock):

    apply_changes:  check the files are as read -> back them up -> write every file or none
                    -> stage dcx's own hunks (optional) -> mark the backup applied
    undo_apply:     pick the apply -> check its record and paths -> put every file back or none
                    -> put the index entries back -> mark the backup undone

A fault before a file is written leaves everything as it was ("nothing was written"); a fault
after it says the change is in the working tree and that `dcx undo` reverts it."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Mapping

import git

from dcx import backups
from dcx.atomic import write_atomic
from dcx.backups import Backup
from dcx.encoding import encode
from dcx.errors import AppliedError, ApplyError, DcxError, PathError, RollbackError, UndoError
from dcx.lock import repository_lock
from dcx.manifest import DamagedManifest, Entry, Manifest
from dcx.patch import FileChange
from dcx.stage import stage_hunks
from dcx.workspace import FileText, Workspace

# what can stop the steps after writing: the machine, Ctrl-C, git, or the record read back
_FAULTS = (KeyboardInterrupt, OSError, git.GitCommandError, DamagedManifest)


@dataclass(frozen=True)
class ApplyOutcome:
    applied: tuple[str, ...]
    staged: tuple[str, ...]
    notes: tuple[str, ...]  # why a file was not staged, etc.
    backup: str = ""  # the id `dcx undo` knows this apply by


@dataclass(frozen=True)
class FileWrite:
    """One file of an all-or-nothing write: what goes there, and what to put back on a fault."""

    path: str  # repository path
    data: bytes | None  # None: remove the file
    mode: int
    before: bytes | None  # what it holds now (None: it does not exist)
    before_mode: int = 0o644


class _PutBackFailed(Exception):
    """A write failed, and so did putting back a file already written."""


# -- applying -----------------------------------------------------------------------------

def apply_changes(workspace: Workspace, changes: tuple[FileChange, ...],
                  originals: Mapping[str, FileText], instruction: str = "",
                  stage: bool = True) -> ApplyOutcome:
    """Back up, write every file or none, then (with ``stage``) stage dcx's hunks; `dcx undo`
    reverts it. `dcx check` writes its fix unstaged (``stage=False``)."""
    if not changes:
        return ApplyOutcome((), (), ())
    with repository_lock(workspace):
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
        staged, notes = _finish(workspace, folder, changes, stage)
    return ApplyOutcome(tuple(c.path for c in changes), tuple(staged), tuple(notes), folder.name)


def _finish(workspace: Workspace, folder: Path, changes: tuple[FileChange, ...],
            stage: bool) -> tuple[list[str], list[str]]:
    """After writing: stage (optionally), then mark the backup applied. A fault here cannot be
    called "nothing was written": the error says the change is in the working tree and how to
    revert it. The backup is marked applied if it can be; if not, `dcx undo --list` shows it as
    interrupted, and undo puts back exactly what dcx wrote."""
    doing, unsure = (("staging", "may not be staged") if stage
                     else ("recording the fix for dcx undo", "not recorded as done"))
    try:
        done = (stage_hunks(workspace, changes, lambda p: backups.note_staged(workspace, folder, p))
                if stage else ([], []))
        backups.mark_applied(workspace, folder)
        return done
    except _FAULTS as exc:
        try:
            backups.mark_applied(workspace, folder)
        except _FAULTS:
            pass
        what = (f"interrupted while {doing}" if isinstance(exc, KeyboardInterrupt)
                else f"{doing} failed ({getattr(exc, 'strerror', None) or type(exc).__name__})")
        raise AppliedError(f"{what}: the change is in the working tree but {unsure}; "
                           "`dcx undo` reverts it") from None


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
        if _read(full) != originals[change.path].raw:
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
    new_mode = 0o666 & ~_umask()
    writes = []  # built whole first: every file encodes, or none is written
    for change in changes:
        if change.is_new:
            writes.append(FileWrite(change.path, encoded(change), new_mode, None))
        else:
            original = originals[change.path]
            writes.append(FileWrite(change.path, encoded(change), original.mode, original.raw,
                                    original.mode))
    try:
        write_files(workspace.root, writes)
    except _PutBackFailed as exc:
        raise RollbackError(f"writing the change failed, and putting back the files already "
                            f"written failed too ({exc}): some files may hold dcx's version; "
                            "`dcx undo` puts back their previous versions") from None
    except OSError as exc:
        raise ApplyError(f"could not write {getattr(exc, 'filename', '') or 'a file'}: "
                         f"{exc.strerror}; nothing was changed") from None


# -- every file or none -------------------------------------------------------------------

def write_files(root: Path, writes: list[FileWrite]) -> None:
    """Make every write (creating missing folders), or none: on any failure (or Ctrl-C) the
    files already written get their previous bytes back and new folders go; when that fails
    too, _PutBackFailed."""
    started: list[FileWrite] = []  # a write may have happened: put back unless it did not
    created_dirs: list[Path] = []
    try:
        for item in writes:
            full = root / item.path
            started.append(item)
            if item.data is None:
                full.unlink()
                continue
            missing = [p for p in reversed(full.parents) if not p.exists()]
            full.parent.mkdir(parents=True, exist_ok=True)
            created_dirs += missing
            write_atomic(full, item.data, item.mode)
    except BaseException:
        try:
            _put_back(root, started, created_dirs)
        except BaseException as second:
            why = ("interrupted" if isinstance(second, KeyboardInterrupt)
                   else getattr(second, "strerror", None) or type(second).__name__)
            raise _PutBackFailed(why) from None
        raise


def _put_back(root: Path, started: list[FileWrite], created_dirs: list[Path]) -> None:
    for item in reversed(started):
        full = root / item.path
        if item.before is None:
            full.unlink(missing_ok=True)
        elif _read(full) != item.before:
            write_atomic(full, item.before, item.before_mode)
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


# -- undoing ------------------------------------------------------------------------------

def undo_apply(workspace: Workspace, backup_id: str | None = None,
               on_skipped: Callable[[Backup], None] | None = None) -> Backup:
    """Put back the files and index entries of the latest (or the named) apply not yet undone.
    A damaged record is skipped (``on_skipped`` hears of it). An interrupted apply (dcx was
    killed half-way) is undone file by file: files that still hold their old text are left
    alone, and only index entries dcx itself staged are put back."""
    with repository_lock(workspace):
        backup = _choose(workspace, backup_id, on_skipped)
        lock = workspace.index_lock()
        if lock:
            raise UndoError(f"{lock} exists (another git process "
                            "is running, or one crashed); nothing was undone. Try again when it is gone")
        restore = _what_to_restore(workspace, backup)
        _restore_files(workspace, backup, [entry for entry, _ in restore])
        for entry, index_now in restore:
            _restore_index(workspace, backup, entry, index_now)
        try:
            backups.save(backup.folder, replace(_manifest(backup), undone=True))
        except OSError as exc:
            raise UndoError(f"the files of {backup.id} are restored, but dcx could not record that "
                            f"({exc.strerror}); `dcx undo --list` may still show it as not undone") from None
    return replace(backup, undone=True)


def _manifest(backup: Backup) -> Manifest:
    """The record of a backup that is not damaged (list_backups reads it)."""
    if backup.manifest is None:
        raise UndoError(f"the record of {backup.id} is damaged; nothing was undone")
    return backup.manifest


def _choose(workspace: Workspace, backup_id: str | None,
            on_skipped: Callable[[Backup], None] | None) -> Backup:
    """The newest apply not undone (or the one named); damaged records newer than it are skipped."""
    for backup in backups.list_backups(workspace):
        if backup.undone or (backup_id is not None and backup.id != backup_id):
            continue
        if not backup.damaged:
            return backup
        if backup_id is not None:
            raise UndoError(f"the record of {backup.id} is damaged ({backup.damaged}): that apply "
                            "can no longer be undone; revert it by hand, or use git")
        if on_skipped:
            on_skipped(backup)
    raise UndoError("there is no dcx change to undo" + (f" with id {backup_id}" if backup_id else "")
                    + "; `dcx undo --list` shows what dcx applied")


def _what_to_restore(workspace: Workspace, backup: Backup) -> list[tuple[Entry, str | None]]:
    """Each file to put back with its index line now; UndoError when undoing would lose work
    or write where dcx may not."""
    entries = _manifest(backup).files
    for entry in entries:  # every path first: one dcx may not write refuses the whole undo
        try:
            confined = workspace.check_path(entry.path)
        except DcxError as exc:
            raise UndoError(f"the record of {backup.id} names a file dcx may not write ({exc}); "
                            "nothing was undone") from None
        if confined != entry.path:
            raise UndoError(f"the record of {backup.id} names {entry.path!r}, not a path dcx "
                            "writes; nothing was undone")
    restore = []
    for entry in entries:
        current = backups.current_sha(workspace, entry.path)
        if backup.interrupted and current == backups.original_sha(backup.folder, entry):
            continue  # never written
        if current != entry.new_sha256:
            raise UndoError(f"{entry.path} changed since dcx applied {backup.id}; nothing was "
                            "undone. Revert it by hand, or commit your work and use git")
        index_now = backups.index_entry(workspace, entry.path)
        if not backup.interrupted and index_now != entry.index_after:
            raise UndoError(f"the staged version of {entry.path} changed since dcx applied "
                            f"{backup.id}; nothing was undone")
        restore.append((entry, index_now))
    return restore


def _restore_files(workspace: Workspace, backup: Backup, entries: list[Entry]) -> None:
    """Every file back to its old bytes, or none: on a failure, files already restored get
    dcx's version again."""
    writes = []
    for entry in entries:
        full = workspace.root / entry.path
        old = (backup.folder / "files" / entry.blob).read_bytes() if entry.blob is not None else None
        writes.append(FileWrite(entry.path, old, entry.mode or 0o644, full.read_bytes(),
                                full.stat().st_mode & 0o7777))
    try:
        write_files(workspace.root, writes)
    except _PutBackFailed as exc:
        raise UndoError(f"undoing {backup.id} failed, and giving the files already restored dcx's "
                        f"version back failed too ({exc}): check them with `git diff`") from None
    except OSError as exc:
        raise UndoError(f"could not restore {getattr(exc, 'filename', '') or 'a file'}: "
                        f"{exc.strerror}; nothing was undone") from None


def _restore_index(workspace: Workspace, backup: Backup, entry: Entry, index_now: str | None) -> None:
    """Put ``entry``'s index line back as it was before the apply, unless it is already, or
    (after an interrupted apply) dcx never staged it."""
    staged_by_dcx = entry.index_after is not None and index_now == entry.index_after
    if index_now == entry.index_before or (backup.interrupted and not staged_by_dcx):
        return
    try:
        if entry.index_before is None:
            workspace.repo.git.update_index("--force-remove", "--", entry.path)
        else:
            mode, sha, _stage_and_path = entry.index_before.split(" ", 2)
            workspace.repo.git.update_index("--cacheinfo", f"{mode},{sha},{entry.path}")
    except git.GitCommandError as exc:
        raise UndoError(f"the files of {backup.id} are restored, but git could not restore the "
                        f"staged version of {entry.path} ({exc.stderr.strip()}); run "
                        f"`git restore --staged {entry.path}` if it should not be staged") from None
