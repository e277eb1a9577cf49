"""Fault injection across `--apply`: every call that writes, syncs, renames or opens while dcx
writes and stages a three-file change (one CRLF, one Latin-1, one new file in a new folder) fails
in turn, once with a full disk and once with Ctrl-C. After each fault every file must be either
exactly as it was or exactly dcx's version, no temporary file may be left, an error must leave
every file as it was, and `dcx undo` must bring back the rest. documentation/reliability.md
quotes the figures this test prints."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from dcx import backups
from dcx.errors import ApplyError
from dcx.patch import FileChange
from dcx.workspace import Workspace
from dcx.write import apply_changes, undo_apply
from tests.conftest import git

FILES = {
    "crlf.txt": b"one\r\ntwo\r\nthree\r\n",
    "legacy.py": "# -*- coding: latin-1 -*-\nNAME = 'caf\xe9'\nX = 1\n".encode("latin-1"),
}
NEW = {"crlf.txt": "one\r\nTWO\r\nthree\r\n",
       "legacy.py": "# -*- coding: latin-1 -*-\nNAME = 'caf\xe9'\nX = 2\n",
       "pkg/added.py": "Y = 3\n"}
NEW_BYTES = {"crlf.txt": NEW["crlf.txt"].encode(), "legacy.py": NEW["legacy.py"].encode("latin-1"),
             "pkg/added.py": b"Y = 3\n"}
# (module, name): what dcx's writes go through
OPERATIONS = [(tempfile, "mkstemp"), (os, "fdopen"), (os, "fsync"), (os, "chmod"), (os, "replace"),
              (os, "open")]


def _change_set(ws: Workspace):
    originals = {p: ws.read(p) for p in FILES}
    changes = tuple(FileChange(p, originals[p].text, NEW[p], originals[p].mode, originals[p].encoding)
                    for p in FILES) + (FileChange("pkg/added.py", None, NEW["pkg/added.py"]),)
    return changes, originals


def _state(repo: Path) -> dict[str, str]:
    """Each file: "old", "new", "absent" or "corrupt"."""
    out = {}
    for path in NEW:
        full = repo / path
        data = full.read_bytes() if full.exists() else None
        out[path] = ("absent" if data is None else "old" if data == FILES.get(path)
                     else "new" if data == NEW_BYTES[path] else "corrupt")
    return out


def _inject(module, name: str, at: int, fault: BaseException):
    real = getattr(module, name)
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == at:
            raise fault
        return real(*args, **kwargs)

    return real, failing, calls


def test_every_fault_while_applying_leaves_each_file_whole(make_repo) -> None:
    injected = lines_lost = 0
    for module, name in OPERATIONS:
        for fault in (OSError(28, "No space left on device"), KeyboardInterrupt()):
            at = 1
            while True:
                repo = make_repo(FILES)
                ws = Workspace(repo)
                changes, originals = _change_set(ws)
                real, failing, calls = _inject(module, name, at, fault)
                setattr(module, name, failing)
                try:
                    apply_changes(ws, changes, originals, "fault injection")
                    error = None
                except (ApplyError, OSError, KeyboardInterrupt) as exc:  # the CLI: one line
                    error = exc
                finally:
                    setattr(module, name, real)
                if calls["n"] < at:
                    break  # this operation happens fewer times: every call of it was tried
                injected += 1
                where = f"{name} call {at}, {type(fault).__name__}"
                state = _state(repo)
                assert "corrupt" not in state.values(), (where, state)
                assert not list(repo.rglob("*.dcx-tmp")), where
                staging = isinstance(error, ApplyError) and "staging" in str(error)
                if error is not None and not staging:  # nothing written
                    assert state == {"crlf.txt": "old", "legacy.py": "old", "pkg/added.py": "absent"}, where
                    assert not (repo / "pkg").exists() and git(repo, "status", "--porcelain") == "", where
                else:  # written (the fault hit a directory sync, which is best effort, or staging)
                    assert set(state.values()) == {"new"}, (where, state)
                    undo_apply(Workspace(repo))
                    assert _state(repo) == {"crlf.txt": "old", "legacy.py": "old",
                                            "pkg/added.py": "absent"}, where
                    assert git(repo, "status", "--porcelain") == "", where
                for path, data in FILES.items():
                    lines_lost += len(data.splitlines()) - len(set(data.splitlines()) & set(
                        (repo / path).read_bytes().splitlines()))
                at += 1
    print(f"\nfault injection: {injected} faults injected, {lines_lost} lines lost")
    assert injected >= 40 and lines_lost == 0


def test_a_fault_while_staging_is_one_line_and_undo_reverts_it(make_repo, mocker) -> None:
    repo = make_repo(FILES)
    ws = Workspace(repo)
    changes, originals = _change_set(ws)
    mocker.patch("dcx.stage.tempfile.TemporaryFile", side_effect=OSError(28, "No space left on device"))
    with pytest.raises(ApplyError, match=r"^staging failed \(No space left on device\): the change is "
                                         r"in the working tree but may not be staged; `dcx undo`"):
        apply_changes(ws, changes, originals)
    mocker.stopall()
    assert set(_state(repo).values()) == {"new"}
    undo_apply(Workspace(repo))
    assert git(repo, "status", "--porcelain") == ""


def test_when_putting_back_fails_too_the_backup_is_kept_and_undo_restores(make_repo, monkeypatch) -> None:
    """Writing the second file fails, and so does restoring the first (a full disk, twice): the
    error says so, the backup survives, and `dcx undo` brings the first file back."""
    repo = make_repo(FILES)
    ws = Workspace(repo)
    changes, originals = _change_set(ws)
    real = os.replace
    renamed_into: list[str] = []

    def replace(src, dst, *args, **kwargs):
        name = Path(dst).name
        if name == "legacy.py" or (name == "crlf.txt" and "crlf.txt" in renamed_into):
            raise OSError(28, "No space left on device")
        renamed_into.append(name)
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ApplyError, match=r"^writing the change failed, and putting back the files "
                                         r"already written failed too \(No space left on device\): "
                                         r".*`dcx undo` puts back their previous versions$"):
        apply_changes(ws, changes, originals, "double fault")
    monkeypatch.setattr(os, "replace", real)
    assert _state(repo) == {"crlf.txt": "new", "legacy.py": "old", "pkg/added.py": "absent"}
    assert [b.interrupted for b in backups.list_backups(Workspace(repo))] == [True]
    undo_apply(Workspace(repo))
    assert _state(repo) == {"crlf.txt": "old", "legacy.py": "old", "pkg/added.py": "absent"}
    assert git(repo, "status", "--porcelain") == ""
