"""Stage exactly dcx's own hunks: its diff goes to the index file by file with
`git apply --cached`, so the user's other staged and unstaged work stays as it was.

The index holds files as git's clean filter leaves them: with ``core.autocrlf=true`` or
``eol=crlf`` in .gitattributes a CRLF working tree has LF in the index, and the working tree's
diff would not apply there. So both sides of a change go through git's own filter first
(`git hash-object --path`), and the diff between the filtered texts is what is staged."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from typing import IO, Callable

import git

from dcx.encoding import UTF8_BOM, encode
from dcx.patch import FileChange, build_patch, patch_bytes
from dcx.workspace import Workspace

BOM = b"\xef\xbb\xbf"


def stage_hunks(workspace: Workspace, changes: tuple[FileChange, ...],
                on_staged: Callable[[str], None] | None = None) -> tuple[list[str], list[str]]:
    """Apply dcx's diff to the index, file by file; returns (staged paths, notes on the rest).
    ``on_staged`` hears of each file as soon as it is staged."""
    staged, notes = [], []
    lock = workspace.index_lock()
    if lock:
        return [], [f"not staged: {lock} exists (another git "
                    "process is running, or one crashed); the change is in your working tree"]
    for change in changes:
        build_patch([change])  # checked
        try:
            with _stdin(index_patch(workspace, change)) as diff:
                # --whitespace=nowarn: a user's apply.whitespace=fix would stage other bytes than
                # dcx wrote and showed, =error would refuse a line that ends in blanks
                workspace.repo.git.apply("--cached", "--recount", "--whitespace=nowarn", "-",
                                         istream=diff)
            staged.append(change.path)
            if on_staged:
                on_staged(change.path)
        except git.GitCommandError:
            notes.append(f"not staged: {change.path} differs between the index and the working tree "
                         "around dcx's change; review it and `git add` it yourself")
    return staged, notes


def index_patch(workspace: Workspace, change: FileChange) -> bytes:
    """``change`` as a diff against the text the index holds: both sides through git's clean
    filter. Where the filter changes nothing (the usual case) this is the working tree's diff."""
    old = None if change.is_new else encode(change.old or "", change.encoding, change.path)
    new = encode(change.new, change.encoding, change.path)
    clean_old = None if old is None else clean(workspace, change.path, old)
    clean_new = clean(workspace, change.path, new)
    if clean_old == old and clean_new == new:
        return patch_bytes([change])
    try:
        texts = [None if data is None else _decode(data, change.encoding)
                 for data in (clean_old, clean_new)]
    except UnicodeDecodeError:  # a filter that is not about line endings: leave it to git
        return patch_bytes([change])
    return patch_bytes([replace(change, old=texts[0], new=texts[1])])


def clean(workspace: Workspace, path: str, data: bytes) -> bytes:
    """``data`` as git would store it for ``path`` (core.autocrlf, eol and filter attributes)."""
    with _stdin(data) as handle:
        sha = workspace.repo.git.hash_object("-w", "--stdin", f"--path={path}", istream=handle)
    return workspace.repo.git.cat_file("blob", sha.strip(), stdout_as_string=False,
                                       strip_newline_in_stdout=False)


def _decode(data: bytes, encoding: str) -> str:
    if encoding == UTF8_BOM:
        return data.removeprefix(BOM).decode("utf-8")
    return data.decode(encoding)


def _stdin(data: bytes) -> IO[bytes]:
    handle = tempfile.TemporaryFile()
    handle.write(data)
    handle.seek(0)
    return handle
