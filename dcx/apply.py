"""Write a change into the working tree (atomic per file, all-or-nothing across files) and stage
exactly dcx's own hunks."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

import git

from dcx import backups
from dcx.errors import ApplyError
from dcx.patch import FileChange, build_patch
from dcx.workspace import FileText, Workspace


@dataclass(frozen=True)
class ApplyOutcome:
    applied: tuple[str, ...]
    staged: tuple[str, ...]
    notes: tuple[str, ...]  # why a file was not staged, etc.
    backup: str = ""  # the id `dcx undo` knows this apply by


def _encode(change: FileChange) -> bytes:
    return change.new.encode("utf-8")


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


def write_atomic(path: Path, data: bytes, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".dcx-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_changes(workspace: Workspace, changes: tuple[FileChange, ...],
                  originals: Mapping[str, FileText]) -> None:
    """Write every file or none: on any failure, files already written are put back."""
    check_unchanged(workspace, changes, originals)
    done: list[FileChange] = []
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
            write_atomic(full, _encode(change), mode)
            done.append(change)
    except BaseException as exc:
        for change in reversed(done):
            full = workspace.root / change.path
            if change.is_new:
                full.unlink(missing_ok=True)
            else:
                original = originals[change.path]
                write_atomic(full, original.raw, original.mode)
        for directory in reversed(created_dirs):
            try:
                directory.rmdir()
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise ApplyError(f"could not write {getattr(exc, 'filename', '') or 'a file'}: "
                             f"{exc.strerror}; nothing was changed") from None
        raise


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
        diff = build_patch([change])
        try:
            workspace.repo.git.apply("--cached", "--recount", "-", istream=_stdin(diff))
            staged.append(change.path)
            if on_staged:
                on_staged(change.path)
        except git.GitCommandError:
            notes.append(f"not staged: {change.path} differs between the index and the working tree "
                         "around dcx's change; review it and `git add` it yourself")
    return staged, notes


def _stdin(text: str):
    handle = tempfile.TemporaryFile()
    handle.write(text.encode("utf-8"))
    handle.seek(0)
    return handle


def write_with_backup(workspace: Workspace, changes: tuple[FileChange, ...],
                      originals: Mapping[str, FileText], instruction: str) -> Path:
    """Check the targets, back them up, write every file or none; the backup folder is
    returned (the caller marks it applied when it is done)."""
    check_no_conflicts(workspace, changes)
    check_unchanged(workspace, changes, originals)
    folder = backups.record(workspace, changes, originals, instruction)
    try:
        write_changes(workspace, changes, originals)
    except BaseException:
        backups.discard(folder)
        raise
    return folder


def apply_and_stage(workspace: Workspace, changes: tuple[FileChange, ...],
                    originals: Mapping[str, FileText], instruction: str = "") -> ApplyOutcome:
    """Back up, write every file or none, then stage dcx's hunks; `dcx undo` reverts it."""
    if not changes:
        return ApplyOutcome((), (), ())
    folder = write_with_backup(workspace, changes, originals, instruction)
    try:
        staged, notes = stage(workspace, changes, lambda p: backups.note_staged(workspace, folder, p))
    except KeyboardInterrupt:
        backups.mark_applied(workspace, folder)
        raise ApplyError("interrupted while staging: the change is in the working tree but may "
                         "not be staged; `dcx undo` reverts it") from None
    backups.mark_applied(workspace, folder)
    return ApplyOutcome(tuple(c.path for c in changes), tuple(staged), tuple(notes), folder.name)
