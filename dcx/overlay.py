"""A working tree as it would read with a pending change applied, in memory, and a change made on
top of it taken together as one change against the tree. A refinement in `dcx chat` ("also
reject negative numbers") is planned from the files as the last change left them; a test round
builds on an attempt that made progress the same way. Nothing is written. Files the pending
change creates are not read as part of it (what is planned on top sees the tree's files), but a
scratch copy for tests lays the whole pending change over the tree."""

from __future__ import annotations

from dataclasses import replace

from dcx.encoding import encode
from dcx.patch import FileChange, build_patch, dominant_ending
from dcx.request import Result
from dcx.workspace import MAX_FILE_BYTES, FileText, Workspace


class PendingWorkspace(Workspace):
    """``base`` with each changed file reading as the change's new text."""

    def __init__(self, base: Workspace, changes: tuple[FileChange, ...]) -> None:
        self.__dict__.update(base.__dict__)  # the same repository, root and listings
        self._pending = {c.path: c for c in changes if not c.is_new}
        self.laid_over = (*base.laid_over, *changes)

    def read(self, path: str, max_bytes: int = MAX_FILE_BYTES) -> FileText:
        path = self.check_path(path)
        change = self._pending.get(path)
        if change is None:
            return super().read(path, max_bytes)
        raw = encode(change.new, change.encoding, path)
        return FileText(path, change.new, dominant_ending(change.new), change.mode, raw,
                        change.encoding)

    def changed(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(super().changed() + tuple(self._pending)))


def layered(before: Result, after: Result) -> Result:
    """``after`` (planned from the files as ``before`` left them) as one change with ``before``,
    against the working tree (what `/apply` writes)."""
    changes: dict[str, FileChange] = {c.path: c for c in before.changes}
    originals: dict[str, FileText] = dict(after.originals)
    originals.update(before.originals)  # the tree's text, not the pending text read in memory
    for change in after.changes:
        earlier = changes.get(change.path)
        changes[change.path] = change if earlier is None else replace(change, old=earlier.old)
    kept = tuple(c for c in changes.values() if c.old != c.new)
    return replace(after, changes=kept, diff=build_patch(list(kept)),
                   originals={c.path: originals[c.path] for c in kept if c.path in originals})
