"""`dcx undo`: the last apply is reverted in the working tree and the index, or refused safely."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from dcx.backups import list_backups
from dcx.cli import main
from dcx.errors import UndoError
from dcx.patch import FileChange
from dcx.workspace import Workspace
from dcx.write import apply_changes
from dcx.write import undo_apply as undo
from tests.conftest import git

LONG = "".join(f"line {i}\n" for i in range(1, 31))


def apply(repo, path="f.txt", old="line 2\n", new="line 2 (dcx)\n", extra_new_file=False):
    ws = Workspace(repo)
    original = ws.read(path)
    changes = [FileChange(path, original.text, original.text.replace(old, new), original.mode)]
    if extra_new_file:
        changes.append(FileChange("added/new.py", None, "X = 1\n"))
    return ws, apply_changes(ws, tuple(changes), {path: original}, "an instruction")


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
import dcx.write as write_module
from dcx.write import apply_changes
from dcx.patch import FileChange
from dcx.workspace import Workspace

where = sys.argv[1]
real_write, real_stage = write_module.write_atomic, write_module.stage_hunks

def write_then_die(*args):
    real_write(*args)
    os._exit(9)  # killed: no cleanup of any kind

def stage_then_die(*args):
    real_stage(*args)
    os._exit(9)

if where == "writing":
    write_module.write_atomic = write_then_die
else:
    write_module.stage_hunks = stage_then_die
ws = Workspace(".")
originals = {p: ws.read(p) for p in ("a.txt", "b.txt")}
changes = tuple(FileChange(p, o.text, o.text.replace("old", "new"), o.mode) for p, o in originals.items())
apply_changes(ws, changes, originals, "crash test")
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


def manifest_path(repo, backup_id: str):
    return repo / ".git" / "dcx" / "backups" / backup_id / "manifest.json"


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("target", ["through a tracked link", ".git/config"])
def test_undo_refuses_a_record_that_names_a_file_dcx_may_not_write(make_repo, tmp_path, monkeypatch,
                                                                    target) -> None:
    """Issue #17, bug 3: a record whose path runs through a tracked symbolic link to a folder
    outside the repository, or names .git/config, is refused whole; nothing is written."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("precious\n")
    repo = make_repo({"f.txt": LONG})
    (repo / "link").symlink_to(outside)
    git(repo, "add", "link")
    git(repo, "commit", "-q", "-m", "a link")
    _, outcome = apply(repo)
    path, victim = (("link/victim.txt", outside / "victim.txt") if target.startswith("through")
                    else (".git/config", repo / ".git" / "config"))
    before = victim.read_bytes()
    record = manifest_path(repo, outcome.backup)
    data = json.loads(record.read_text())
    # what undo checks before writing, made to match the victim, so only the path rules stop it
    data["files"][0].update(path=path, new_sha256=hashlib.sha256(before).hexdigest(),
                            index_before=None, index_after=None)
    record.write_text(json.dumps(data))
    monkeypatch.chdir(repo)
    result = invoke("undo")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: the record of {outcome.backup} names a file dcx may "
                                    f"not write ({path}: ")
    assert result.stderr.endswith("; nothing was undone\n") and result.stderr.count("\n") == 1
    assert victim.read_bytes() == before
    assert "line 2 (dcx)" in (repo / "f.txt").read_text()


def cut_short(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def null_path(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["files"][0]["path"] = None
    return json.dumps(data).encode()


DAMAGE = {"an empty object": lambda raw: b"{}", "a list": lambda raw: b"[1, 2]",
          "a null path": null_path, "cut short": cut_short, "no copy of the original": None}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_record_is_listed_and_skipped_and_older_applies_still_undo(make_repo, monkeypatch,
                                                                             damage) -> None:
    """Issue #17, bug 4: the newest record is damaged; `--list` shows it as damaged, `dcx undo`
    says that apply can no longer be undone and undoes the one before; no traceback."""
    repo = make_repo({"a.txt": LONG, "b.txt": LONG})
    _, first = apply(repo, path="a.txt")
    _, second = apply(repo, path="b.txt")
    record = manifest_path(repo, second.backup)
    if DAMAGE[damage] is None:
        (record.parent / "files" / "0").unlink()
    else:
        record.write_bytes(DAMAGE[damage](record.read_bytes()))
    monkeypatch.chdir(repo)
    listed = invoke("undo", "--list")
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert lines[0].startswith(second.backup) and "damaged" in lines[0]
    assert "can no longer be undone" in lines[0]
    assert lines[1].startswith(first.backup) and " applied " in lines[1]
    result = invoke("undo")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"dcx: skipped {second.backup}: its record is damaged ({list_backups(Workspace(repo))[0].damaged}); "
        "that apply can no longer be undone", f"dcx: undid {first.backup}: restored a.txt"]
    assert (repo / "a.txt").read_text() == LONG and "(dcx)" in (repo / "b.txt").read_text()
    named = invoke("undo", "--id", second.backup)
    assert named.exit_code == 1 and named.stderr.startswith(f"Error: the record of {second.backup} "
                                                            "is damaged (")


def test_a_damaged_older_record_does_not_stop_newer_undos(make_repo, monkeypatch) -> None:
    repo = make_repo({"a.txt": LONG, "b.txt": LONG})
    _, first = apply(repo, path="a.txt")
    _, second = apply(repo, path="b.txt")
    manifest_path(repo, first.backup).write_text('{"id": 1}')
    monkeypatch.chdir(repo)
    result = invoke("undo")
    assert result.exit_code == 0 and result.stderr == f"dcx: undid {second.backup}: restored b.txt\n"
    assert (repo / "b.txt").read_text() == LONG
    result = invoke("undo")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"dcx: skipped {first.backup}: its record is damaged (files is missing); that "
        "apply can no longer be undone",
        "Error: there is no dcx change to undo; `dcx undo --list` shows what dcx applied"]


@pytest.mark.parametrize("name", ["pages/[slug].js", "pages/?.js", "pages/*.js"])
def test_a_file_name_that_looks_like_a_pattern_is_backed_up_as_itself(make_repo, name) -> None:
    # issue #17 follow-up: `git ls-files -s -- pages/[slug].js` matched pages/s.js, so undo put
    # s.js's index entry under the new name and left it staged
    repo = make_repo({"pages/s.js": "export default 1\n", "pages/x.js": "export default 2\n"})
    index_before = git(repo, "ls-files", "-s")
    ws = Workspace(repo)
    outcome = apply_changes(ws, (FileChange(name, None, "export default 3\n"),), {}, "a route")
    assert outcome.applied == (name,)
    undo(ws)
    assert git(repo, "ls-files", "-s") == index_before
    assert git(repo, "status", "--porcelain") == ""


def test_an_existing_file_named_like_a_pattern_is_restored_in_the_index(make_repo) -> None:
    repo = make_repo({"?.py": "Q = 1\n", "1.py": "ONE = 1\n"})
    index_before = git(repo, "ls-files", "-s")
    ws, _ = apply(repo, path="?.py", old="Q = 1\n", new="Q = 2\n")
    assert git(repo, "diff", "--cached", "--name-only").split() == ["?.py"]
    undo(ws)
    assert git(repo, "ls-files", "-s") == index_before
    assert git(repo, "status", "--porcelain") == "" and (repo / "?.py").read_text() == "Q = 1\n"
