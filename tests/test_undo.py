"""`dcx undo`: the last apply is reverted in the working tree and the index, or refused safely."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dcx.apply import apply_and_stage
from dcx.backups import UndoError, list_backups, undo
from dcx.cli import main
from dcx.patch import FileChange
from dcx.workspace import Workspace
from tests.conftest import git

LONG = "".join(f"line {i}\n" for i in range(1, 31))


def apply(repo, path="f.txt", old="line 2\n", new="line 2 (dcx)\n", extra_new_file=False):
    ws = Workspace(repo)
    original = ws.read(path)
    changes = [FileChange(path, original.text, original.text.replace(old, new), original.mode)]
    if extra_new_file:
        changes.append(FileChange("added/new.py", None, "X = 1\n"))
    return ws, apply_and_stage(ws, tuple(changes), {path: original}, "an instruction")


def test_undo_restores_files_and_index_but_keeps_the_users_own_work(make_repo) -> None:
    repo = make_repo({"f.txt": LONG, "other.txt": "o\n"})
    (repo / "f.txt").write_text(LONG.replace("line 28\n", "line 28 (user)\n"))  # unstaged
    (repo / "other.txt").write_text("o staged\n")
    git(repo, "add", "other.txt")
    index_before = git(repo, "ls-files", "-s")
    worktree_before = (repo / "f.txt").read_text()
    ws, outcome = apply(repo, extra_new_file=True)
    assert outcome.backup and "(dcx)" in git(repo, "diff", "--cached")
    undone = undo(ws)
    assert undone.id == outcome.backup and set(undone.files) == {"f.txt", "added/new.py"}
    assert (repo / "f.txt").read_text() == worktree_before
    assert not (repo / "added" / "new.py").exists()
    assert git(repo, "ls-files", "-s") == index_before
    assert (repo / "other.txt").read_text() == "o staged\n"
    assert list_backups(ws)[0].undone
    with pytest.raises(UndoError, match="no dcx change to undo"):
        undo(ws)


def test_undo_refuses_when_the_file_changed_since(make_repo) -> None:
    repo = make_repo({"f.txt": LONG})
    ws, _ = apply(repo)
    (repo / "f.txt").write_text((repo / "f.txt").read_text() + "more work\n")
    with pytest.raises(UndoError, match="f.txt changed since"):
        undo(ws)
    assert (repo / "f.txt").read_text().endswith("more work\n")


def test_undo_refuses_when_the_staged_version_changed(make_repo) -> None:
    repo = make_repo({"f.txt": LONG})
    ws, _ = apply(repo)
    git(repo, "reset", "-q", "--", "f.txt")
    with pytest.raises(UndoError, match="staged version of f.txt changed"):
        undo(ws)


def test_several_applies_are_kept_and_listed_newest_first(make_repo, monkeypatch) -> None:
    repo = make_repo({"f.txt": LONG})
    ws, first = apply(repo, old="line 2\n", new="line 2 (one)\n")
    _, second = apply(repo, old="line 20\n", new="line 20 (two)\n")
    assert [b.id for b in list_backups(ws)] == [second.backup, first.backup]
    monkeypatch.chdir(repo)
    listing = CliRunner().invoke(main, ["undo", "--list"])
    assert second.backup in listing.stdout.splitlines()[0] and "an instruction" in listing.stdout
    result = CliRunner().invoke(main, ["undo"])
    assert result.exit_code == 0 and "undid " + second.backup in result.stderr
    text = (repo / "f.txt").read_text()
    assert "line 2 (one)" in text and "(two)" not in text
    result = CliRunner().invoke(main, ["undo"])
    assert "(one)" not in (repo / "f.txt").read_text()
    assert git(repo, "status", "--porcelain") == ""
    assert CliRunner().invoke(main, ["undo"]).exit_code == 1


CRASH = """
import os, sys
import dcx.apply as apply_module
from dcx.apply import apply_and_stage
from dcx.patch import FileChange
from dcx.workspace import Workspace

where = sys.argv[1]
real_write, real_stage = apply_module.write_atomic, apply_module.stage

def write_then_die(*args):
    real_write(*args)
    os._exit(9)  # killed: no cleanup of any kind

def stage_then_die(*args):
    real_stage(*args)
    os._exit(9)

if where == "writing":
    apply_module.write_atomic = write_then_die
else:
    apply_module.stage = stage_then_die
ws = Workspace(".")
originals = {p: ws.read(p) for p in ("a.txt", "b.txt")}
changes = tuple(FileChange(p, o.text, o.text.replace("old", "new"), o.mode) for p, o in originals.items())
apply_and_stage(ws, changes, originals, "crash test")
"""


@pytest.mark.parametrize("where", ["writing", "staging"])
def test_an_apply_killed_half_way_can_be_undone(make_repo, where, monkeypatch) -> None:
    import subprocess
    import sys

    repo = make_repo({"a.txt": "old a\n", "b.txt": "old b\n"})
    index_before = git(repo, "ls-files", "-s")
    killed = subprocess.run([sys.executable, "-c", CRASH, where], cwd=repo)
    assert killed.returncode == 9
    if where == "writing":  # the first file was written, the second not, nothing staged
        assert (repo / "a.txt").read_text() == "new a\n" and (repo / "b.txt").read_text() == "old b\n"
    else:  # both written and staged, but dcx never finished
        assert "new b" in git(repo, "diff", "--cached")
    ws = Workspace(repo)
    (backup,) = list_backups(ws)
    assert backup.interrupted and not backup.undone
    monkeypatch.chdir(repo)
    listed = CliRunner().invoke(main, ["undo", "--list"], catch_exceptions=False)
    assert "interrupted" in listed.output
    undo(ws)
    assert (repo / "a.txt").read_text() == "old a\n" and (repo / "b.txt").read_text() == "old b\n"
    assert git(repo, "ls-files", "-s") == index_before
