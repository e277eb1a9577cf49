"""Every `--apply` leaves a way back: the files' previous bytes and index entries are kept under
``.git/dcx/backups/`` before anything is written, and `dcx undo` puts them back."""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import git

from dcx.atomic import write_atomic
from dcx.encoding import encode
from dcx.errors import DcxError
from dcx.patch import FileChange
from dcx.workspace import FileText, Workspace

KEEP = 20  # backups kept; older ones are removed


class UndoError(DcxError):
    """There is nothing to undo, or undoing would lose work."""


@dataclass(frozen=True)
class Backup:
    id: str
    created: float
    instruction: str
    files: tuple[str, ...]
    undone: bool
    folder: Path
    interrupted: bool = False  # dcx stopped (a crash, a kill) after this backup, before finishing


def _root(workspace: Workspace) -> Path:
    return Path(workspace.repo.git_dir) / "dcx" / "backups"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def index_entry(workspace: Workspace, path: str) -> str | None:
    """The index line for ``path`` ("mode sha stage\\tpath"), or None when it is not in the index."""
    out = workspace.repo.git.ls_files("-s", "--", path)
    return out.splitlines()[0] if out else None


def record(workspace: Workspace, changes: tuple[FileChange, ...], originals: Mapping[str, FileText],
           instruction: str) -> Path:
    """Save what the files and their index entries hold now; returns the backup folder."""
    root = _root(workspace)
    now = time.time_ns()
    backup_id = time.strftime("%Y%m%d-%H%M%S", time.localtime(now / 1e9)) + f"-{now % 10**9:09d}"
    folder = root / backup_id
    (folder / "files").mkdir(parents=True)
    try:
        _save(folder, _manifest(workspace, folder, changes, originals, instruction, backup_id))
    except BaseException:
        discard(folder)
        raise
    _prune(root)
    return folder


def _manifest(workspace: Workspace, folder: Path, changes: tuple[FileChange, ...],
              originals: Mapping[str, FileText], instruction: str, backup_id: str) -> dict:
    """Copy each original into ``folder/files`` (synced) and return the manifest describing them."""
    entries = []
    for number, change in enumerate(changes):
        original = originals.get(change.path)
        if original is not None:
            write_atomic(folder / "files" / str(number), original.raw, 0o644)  # synced
        entries.append({
            "path": change.path,
            "existed": original is not None,
            "mode": original.mode if original else None,
            "blob": str(number) if original is not None else None,
            "new_sha256": _sha(encode(change.new, change.encoding, change.path)),
            "index_before": index_entry(workspace, change.path),
            "index_after": None,
        })
    return {"id": backup_id, "created": time.time(), "instruction": instruction,
            "files": entries, "applied": False, "undone": False}


def _save(folder: Path, manifest: dict) -> None:
    """The manifest is replaced whole, never left half-written: undo depends on it."""
    write_atomic(folder / "manifest.json", json.dumps(manifest, indent=2).encode(), 0o644)


def note_staged(workspace: Workspace, folder: Path, path: str) -> None:
    """Right after dcx staged ``path``: remember the index entry it left, so an apply killed
    before it finished can still tell its own staging from the user's."""
    manifest = json.loads((folder / "manifest.json").read_text())
    for entry in manifest["files"]:
        if entry["path"] == path:
            entry["index_after"] = index_entry(workspace, path)
    _save(folder, manifest)


def mark_applied(workspace: Workspace, folder: Path) -> None:
    """After writing and staging: remember the index entries dcx left, to detect later changes."""
    manifest = json.loads((folder / "manifest.json").read_text())
    for entry in manifest["files"]:
        entry["index_after"] = index_entry(workspace, entry["path"])
    manifest["applied"] = True
    _save(folder, manifest)


def discard(folder: Path) -> None:
    """An apply that wrote nothing needs no backup."""
    shutil.rmtree(folder, ignore_errors=True)


def _prune(root: Path) -> None:
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    for old in folders[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)


def list_backups(workspace: Workspace) -> list[Backup]:
    root = _root(workspace)
    backups = []
    if not root.is_dir():
        return backups
    for folder in sorted(root.iterdir(), reverse=True):
        try:
            manifest = json.loads((folder / "manifest.json").read_text())
        except (OSError, ValueError):
            continue
        interrupted = not manifest.get("applied")
        if interrupted and not _touched(workspace, manifest):
            continue  # stopped before writing anything: nothing to undo
        backups.append(Backup(manifest["id"], manifest["created"], manifest["instruction"],
                              tuple(e["path"] for e in manifest["files"]),
                              manifest["undone"], folder, interrupted))
    return backups


def _current_sha(workspace: Workspace, entry: dict) -> str | None:
    path = workspace.root / entry["path"]
    return _sha(path.read_bytes()) if path.is_file() else None


def _original_sha(folder: Path, entry: dict) -> str | None:
    return _sha((folder / "files" / entry["blob"]).read_bytes()) if entry["existed"] else None


def _touched(workspace: Workspace, manifest: dict) -> bool:
    """Did an interrupted apply write any file (one now holds dcx's new text)?"""
    return any(_current_sha(workspace, e) == e["new_sha256"] for e in manifest["files"])


def undo(workspace: Workspace, backup_id: str | None = None) -> Backup:
    """Put back the files and index entries of the latest (or the named) apply not yet undone.
    An interrupted apply (dcx was killed half-way) is undone file by file: files that still hold
    their old text are left alone, and only index entries dcx itself staged are put back."""
    candidates = [b for b in list_backups(workspace) if not b.undone]
    if backup_id is not None:
        candidates = [b for b in candidates if b.id == backup_id]
    if not candidates:
        raise UndoError("there is no dcx change to undo" + (f" with id {backup_id}" if backup_id else "")
                        + "; `dcx undo --list` shows what dcx applied")
    backup = candidates[0]
    lock = workspace.index_lock()
    if lock:
        raise UndoError(f"{lock} exists (another git process "
                        "is running, or one crashed); nothing was undone. Try again when it is gone")
    manifest = json.loads((backup.folder / "manifest.json").read_text())
    restore = []
    for entry in manifest["files"]:
        current = _current_sha(workspace, entry)
        if backup.interrupted and current == _original_sha(backup.folder, entry):
            continue  # never written
        if current != entry["new_sha256"]:
            raise UndoError(f"{entry['path']} changed since dcx applied {backup.id}; nothing was "
                            "undone. Revert it by hand, or commit your work and use git")
        index_now = index_entry(workspace, entry["path"])
        if not backup.interrupted and index_now != entry["index_after"]:
            raise UndoError(f"the staged version of {entry['path']} changed since dcx applied "
                            f"{backup.id}; nothing was undone")
        restore.append((entry, index_now))
    _restore_files(workspace, backup.folder, [e for e, _ in restore])
    for entry, index_now in restore:
        staged_by_dcx = entry["index_after"] is not None and index_now == entry["index_after"]
        if index_now == entry["index_before"] or (backup.interrupted and not staged_by_dcx):
            continue
        try:
            if entry["index_before"] is None:
                workspace.repo.git.update_index("--force-remove", "--", entry["path"])
            else:
                mode, sha, _stage_and_path = entry["index_before"].split(" ", 2)
                workspace.repo.git.update_index("--cacheinfo", f"{mode},{sha},{entry['path']}")
        except git.GitCommandError as exc:
            raise UndoError(f"the files of {backup.id} are restored, but git could not restore the "
                            f"staged version of {entry['path']} ({exc.stderr.strip()}); run "
                            f"`git restore --staged {entry['path']}` if it should not be staged") from None
    manifest["undone"] = True
    try:
        _save(backup.folder, manifest)
    except OSError as exc:
        raise UndoError(f"the files of {backup.id} are restored, but dcx could not record that "
                        f"({exc.strerror}); `dcx undo --list` may still show it as not undone") from None
    return Backup(backup.id, backup.created, backup.instruction, backup.files, True, backup.folder,
                  backup.interrupted)


def _restore_files(workspace: Workspace, folder: Path, entries: list[dict]) -> None:
    """Every file back to its old bytes, or none: on a failure, files already restored get
    dcx's version again."""
    done: list[tuple[Path, bytes, int]] = []
    try:
        for entry in entries:
            path = workspace.root / entry["path"]
            current, mode = path.read_bytes(), stat.S_IMODE(path.stat().st_mode)
            if entry["existed"]:
                write_atomic(path, (folder / "files" / entry["blob"]).read_bytes(), entry["mode"])
            else:
                path.unlink()
            done.append((path, current, mode))
    except BaseException as exc:
        for path, current, mode in reversed(done):
            write_atomic(path, current, mode)
        if isinstance(exc, OSError):
            raise UndoError(f"could not restore {getattr(exc, 'filename', '') or 'a file'}: "
                            f"{exc.strerror}; nothing was undone") from None
        raise
