"""The record of one `--apply` kept for `dcx undo` (``manifest.json`` in its backup folder), and
its schema: a record that does not match it in every field (hand-edited, truncated by a crash,
written by something else) is damaged, and `dcx undo` skips it rather than trust it."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, replace
from pathlib import PurePosixPath
from typing import Any

_SHA256 = re.compile(r"[0-9a-f]{64}")
_BLOB = re.compile(r"[0-9]{1,6}")  # the original's copy: files/<number> in the backup folder
# `git ls-files -s`: "<mode> <object id> <stage>\t<path>" (SHA-1 or SHA-256 object ids)
_INDEX_LINE = re.compile(r"[0-7]{6} (?:[0-9a-f]{40}|[0-9a-f]{64}) [0-3]\t[^\n]+")


class DamagedManifest(Exception):
    """The record cannot be trusted; the message says which field is wrong."""


@dataclass(frozen=True)
class Entry:
    """One file of an apply."""

    path: str  # repository path, as dcx wrote it
    existed: bool  # False: dcx created the file
    mode: int | None  # the original's permission bits (None for a new file)
    blob: str | None  # the original's copy under files/ (None for a new file)
    new_sha256: str  # what dcx wrote
    index_before: str | None  # the index line before the apply (None: not in the index)
    index_after: str | None  # the index line dcx left (None: not staged, or not yet)


@dataclass(frozen=True)
class Manifest:
    id: str
    created: float
    instruction: str
    files: tuple[Entry, ...]
    applied: bool  # False while the apply runs, and forever if it was stopped half-way
    undone: bool

    def to_json(self) -> bytes:
        data = asdict(self)
        data["files"] = [asdict(entry) for entry in self.files]
        return json.dumps(data, indent=2).encode()

    def with_index_after(self, index_after: dict[str, str | None]) -> Manifest:
        """A copy whose entries named in ``index_after`` record that index line."""
        files = tuple(replace(e, index_after=index_after[e.path]) if e.path in index_after else e
                      for e in self.files)
        return replace(self, files=files)


def parse(data: bytes) -> Manifest:
    """The manifest in ``data``; DamagedManifest when it is not valid JSON or misses the schema."""
    try:
        raw = json.loads(data)
    except ValueError:
        raise DamagedManifest("it is not valid JSON (cut short?)") from None
    if not isinstance(raw, dict):
        raise DamagedManifest("it is not a JSON object")
    entries = _field(raw, "files", list, "")
    if not entries:
        raise DamagedManifest("it names no files")
    files = tuple(_entry(item, f"files[{number}].") for number, item in enumerate(entries))
    if len({e.path for e in files}) != len(files):
        raise DamagedManifest("it names a file twice")
    created = _field(raw, "created", (int, float), "")
    return Manifest(_field(raw, "id", str, ""), float(created), _field(raw, "instruction", str, ""),
                    files, _field(raw, "applied", bool, ""), _field(raw, "undone", bool, ""))


def _entry(item: Any, where: str) -> Entry:
    if not isinstance(item, dict):
        raise DamagedManifest(f"{where.rstrip('.')} is not an object")
    path = _field(item, "path", str, where)
    parts = PurePosixPath(path).parts
    if not path or path.startswith("/") or "\\" in path or "\0" in path or ".." in parts:
        raise DamagedManifest(f"{where}path is not a relative path: {path!r}")
    existed = _field(item, "existed", bool, where)
    kind = int if existed else type(None)
    mode = _field(item, "mode", kind, where)
    blob = _field(item, "blob", str if existed else type(None), where)
    if existed and not (0 <= mode <= 0o7777 and _BLOB.fullmatch(blob)):
        raise DamagedManifest(f"{where}mode or {where}blob is out of range")
    entry = Entry(path, existed, mode, blob, _field(item, "new_sha256", str, where),
                  _field(item, "index_before", (str, type(None)), where),
                  _field(item, "index_after", (str, type(None)), where))
    if not _SHA256.fullmatch(entry.new_sha256):
        raise DamagedManifest(f"{where}new_sha256 is not a SHA-256")
    for name in ("index_before", "index_after"):
        line = getattr(entry, name)
        if line is not None and not _INDEX_LINE.fullmatch(line):
            raise DamagedManifest(f"{where}{name} is not an index entry")
    return entry


def _field(obj: dict, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """``obj[key]`` when it is a ``kind`` (bool is not taken for a number)."""
    if key not in obj:
        raise DamagedManifest(f"{where}{key} is missing")
    value = obj[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise DamagedManifest(f"{where}{key} has the wrong type ({_kind(value)})")
    return value


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__
