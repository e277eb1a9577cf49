"""Every `--apply` leaves a way back: the files' previous bytes and index entries are kept under
``.git/dcx/backups/`` before anything is written, and `dcx undo` puts them back."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

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
    entries = []
    for number, change in enumerate(changes):
        original = originals.get(change.path)
        if original is not None:
            (folder / "files" / str(number)).write_bytes(original.raw)
        entries.append({
            "path": change.path,
            "existed": original is not None,
            "mode": original.mode if original else None,
            "blob": str(number) if original is not None else None,
            "new_sha256": _sha(change.new.encode("utf-8")),
            "index_before": index_entry(workspace, change.path),
            "index_after": None,
        })
    manifest = {"id": backup_id, "created": time.time(), "instruction": instruction,
                "files": entries, "applied": False, "undone": False}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _prune(root)
    return folder


def mark_applied(workspace: Workspace, folder: Path) -> None:
    """After writing and staging: remember the index entries dcx left, to detect later changes."""
    manifest = json.loads((folder / "manifest.json").read_text())
    for entry in manifest["files"]:
        entry["index_after"] = index_entry(workspace, entry["path"])
    manifest["applied"] = True
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))


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
        if manifest.get("applied"):
            backups.append(Backup(manifest["id"], manifest["created"], manifest["instruction"],
                                  tuple(e["path"] for e in manifest["files"]),
                                  manifest["undone"], folder))
    return backups


def undo(workspace: Workspace, backup_id: str | None = None) -> Backup:
    """Put back the files and index entries of the latest (or the named) apply not yet undone."""
    from dcx.apply import write_atomic  # apply imports this module

    candidates = [b for b in list_backups(workspace) if not b.undone]
    if backup_id is not None:
        candidates = [b for b in candidates if b.id == backup_id]
    if not candidates:
        raise UndoError("there is no dcx change to undo" + (f" with id {backup_id}" if backup_id else "")
                        + "; `dcx undo --list` shows what dcx applied")
    backup = candidates[0]
    manifest = json.loads((backup.folder / "manifest.json").read_text())
    for entry in manifest["files"]:
        path = workspace.root / entry["path"]
        current = path.read_bytes() if path.is_file() else None
        if current is None or _sha(current) != entry["new_sha256"]:
            raise UndoError(f"{entry['path']} changed since dcx applied {backup.id}; nothing was "
                            "undone. Revert it by hand, or commit your work and use git")
        if index_entry(workspace, entry["path"]) != entry["index_after"]:
            raise UndoError(f"the staged version of {entry['path']} changed since dcx applied "
                            f"{backup.id}; nothing was undone")
    for entry in manifest["files"]:
        path = workspace.root / entry["path"]
        if entry["existed"]:
            write_atomic(path, (backup.folder / "files" / entry["blob"]).read_bytes(), entry["mode"])
        else:
            path.unlink()
        if entry["index_before"] is None:
            workspace.repo.git.update_index("--force-remove", "--", entry["path"])
        elif entry["index_before"] != entry["index_after"]:
            mode, sha, _stage_and_path = entry["index_before"].split(" ", 2)
            workspace.repo.git.update_index("--cacheinfo", f"{mode},{sha},{entry['path']}")
    manifest["undone"] = True
    (backup.folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return Backup(backup.id, backup.created, backup.instruction, backup.files, True, backup.folder)
