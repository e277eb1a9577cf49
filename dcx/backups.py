"""Every apply leaves a way back: before anything is written, the files' previous bytes and index
entries are kept under ``.git/dcx/backups/<id>/`` (the copies in ``files/``, the record in
``manifest.json``, see dcx.manifest). This module keeps and reads that store; dcx.write writes
the working tree and the index, and undoes an apply from here."""

from __future__ import annotations

import hashlib
import shutil
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from dcx.atomic import write_atomic
from dcx.encoding import encode
from dcx.errors import DcxError
from dcx.manifest import DamagedManifest, Entry, Manifest, parse
from dcx.patch import FileChange
from dcx.workspace import FileText, Workspace

KEEP = 20  # backups kept; older ones are removed
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Backup:
    id: str
    created: float
    instruction: str
    files: tuple[str, ...]
    undone: bool
    folder: Path
    interrupted: bool = False  # dcx stopped (a crash, a kill) after this backup, before finishing
    damaged: str = ""  # why its record cannot be trusted: this apply can no longer be undone
    manifest: Manifest | None = field(default=None, compare=False, repr=False)


def backups_root(workspace: Workspace) -> Path:
    return Path(workspace.repo.git_dir) / "dcx" / "backups"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def index_entry(workspace: Workspace, path: str) -> str | None:
    """The index line for ``path`` ("mode sha stage\\tpath"), or None when it is not in the index."""
    # literal: a file name such as `pages/[slug].js` is not a pattern that matches `pages/s.js`
    out = workspace.repo.git.ls_files("-s", "--", f":(literal){path}")
    return out.splitlines()[0] if out else None


def record(workspace: Workspace, changes: tuple[FileChange, ...], originals: Mapping[str, FileText],
           instruction: str) -> Path:
    """Save what the files and their index entries hold now; returns the backup folder."""
    root = backups_root(workspace)
    now = time.time_ns()
    backup_id = time.strftime("%Y%m%d-%H%M%S", time.localtime(now / 1e9)) + f"-{now % 10**9:09d}"
    folder = root / backup_id
    (folder / "files").mkdir(parents=True)
    try:
        save(folder, _copy_originals(workspace, folder, changes, originals, instruction, backup_id))
    except BaseException:
        discard(folder)
        raise
    _prune(root)
    return folder


def _copy_originals(workspace: Workspace, folder: Path, changes: tuple[FileChange, ...],
                    originals: Mapping[str, FileText], instruction: str, backup_id: str) -> Manifest:
    """Copy each original into ``folder/files`` (synced) and return the manifest describing them."""
    entries = []
    for number, change in enumerate(changes):
        original = originals.get(change.path)
        if original is not None:
            write_atomic(folder / "files" / str(number), original.raw, 0o644)  # synced
        entries.append(Entry(
            path=change.path,
            existed=original is not None,
            mode=original.mode if original else None,
            blob=str(number) if original is not None else None,
            new_sha256=sha256(encode(change.new, change.encoding, change.path)),
            index_before=index_entry(workspace, change.path),
            index_after=None,
        ))
    return Manifest(backup_id, time.time(), instruction, tuple(entries), applied=False, undone=False)


def save(folder: Path, manifest: Manifest) -> None:
    """The manifest is replaced whole, never left half-written: undo depends on it."""
    write_atomic(folder / MANIFEST, manifest.to_json(), 0o644)


def load(folder: Path) -> Manifest:
    """The manifest of ``folder``, checked against its schema and its copies; DamagedManifest
    when it cannot be trusted."""
    try:
        data = (folder / MANIFEST).read_bytes()
    except OSError as exc:
        raise DamagedManifest(f"it cannot be read ({exc.strerror})") from None
    manifest = parse(data)
    for entry in manifest.files:
        if entry.blob is not None and not (folder / "files" / entry.blob).is_file():
            raise DamagedManifest(f"the copy of {entry.path} is missing")
    return manifest


def note_staged(workspace: Workspace, folder: Path, path: str) -> None:
    """Right after dcx staged ``path``: remember the index entry it left, so an apply killed
    before it finished can still tell its own staging from the user's."""
    save(folder, load(folder).with_index_after({path: index_entry(workspace, path)}))


def mark_applied(workspace: Workspace, folder: Path) -> None:
    """After writing and staging: remember the index entries dcx left, to detect later changes."""
    manifest = load(folder)
    after = {e.path: index_entry(workspace, e.path) for e in manifest.files}
    save(folder, replace(manifest.with_index_after(after), applied=True))


def discard(folder: Path) -> None:
    """An apply that wrote nothing needs no backup."""
    shutil.rmtree(folder, ignore_errors=True)


def _prune(root: Path) -> None:
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    for old in folders[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)


def list_backups(workspace: Workspace) -> list[Backup]:
    """Every apply dcx can tell of, newest first; a damaged record is listed with why."""
    root = backups_root(workspace)
    if not root.is_dir():
        return []
    found = []
    for folder in sorted((p for p in root.iterdir() if p.is_dir()), reverse=True):
        if not (folder / MANIFEST).exists():
            continue  # stopped before its record was written: nothing was written either
        try:
            manifest = load(folder)
        except DamagedManifest as exc:
            found.append(Backup(folder.name, 0.0, "", (), False, folder, damaged=str(exc)))
            continue
        interrupted = not manifest.applied
        if interrupted and not _touched(workspace, manifest):
            continue  # stopped before writing anything: nothing to undo
        found.append(Backup(manifest.id, manifest.created, manifest.instruction,
                            tuple(e.path for e in manifest.files), manifest.undone, folder,
                            interrupted, manifest=manifest))
    return found


def current_sha(workspace: Workspace, path: str) -> str | None:
    """The SHA-256 of what ``path`` holds now; None when it is not a regular file, or not one
    dcx may touch (its record is not trusted to lead anywhere else)."""
    try:
        full = workspace.root / workspace.check_path(path)
    except DcxError:
        return None
    return sha256(full.read_bytes()) if full.is_file() else None


def original_sha(folder: Path, entry: Entry) -> str | None:
    if entry.blob is None:
        return None
    return sha256((folder / "files" / entry.blob).read_bytes())


def _touched(workspace: Workspace, manifest: Manifest) -> bool:
    """Did an interrupted apply write any file (one now holds dcx's new text)?"""
    return any(current_sha(workspace, e.path) == e.new_sha256 for e in manifest.files)
