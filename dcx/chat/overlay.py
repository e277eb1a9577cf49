"""A working tree as it would read with a pending change applied, in memory: a refinement of the
last change ("also reject negative numbers") is planned from the files as that change left
them, while nothing is written. Files the pending change creates are not part of it (a
refinement sees the tree's files)."""

from __future__ import annotations

from dcx.encoding import encode
from dcx.patch import FileChange, dominant_ending
from dcx.workspace import MAX_FILE_BYTES, FileText, Workspace


class PendingWorkspace(Workspace):
    """``base`` with each changed file reading as the change's new text."""

    def __init__(self, base: Workspace, changes: tuple[FileChange, ...]) -> None:
        self.__dict__.update(base.__dict__)  # the same repository, root and listings
        self._pending = {c.path: c for c in changes if not c.is_new}

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
