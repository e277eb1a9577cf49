"""Applying and staging: atomic, all-or-nothing, only dcx's hunks staged, stale files refused."""

from __future__ import annotations

import os

import pytest

from dcx.errors import ApplyError
from dcx.patch import FileChange
from dcx.workspace import Workspace
from dcx.write import apply_changes, undo_apply, write_changes
from tests.conftest import git

LONG = "".join(f"line {i}\n" for i in range(1, 31))


def change_for(workspace: Workspace, path: str, new: str) -> tuple[FileChange, dict]:
    original = workspace.read(path)
    return FileChange(path, original.text, new, original.mode), {path: original}


def test_stages_only_dcx_hunks_and_keeps_user_edits_unstaged(make_repo) -> None:
    repo = make_repo({"f.txt": LONG})
    (repo / "f.txt").write_text(LONG.replace("line 28\n", "line 28 (user's edit)\n"))
    ws = Workspace(repo)
    original = ws.read("f.txt")
    new = original.text.replace("line 2\n", "line 2 (dcx)\n")
    outcome = apply_changes(ws, (FileChange("f.txt", original.text, new, original.mode),),
                              {"f.txt": original})
    assert outcome.staged == ("f.txt",)
    staged = git(repo, "diff", "--cached")
    assert "+line 2 (dcx)" in staged and "user's edit" not in staged
    unstaged = git(repo, "diff")
    assert "+line 28 (user's edit)" in unstaged and "(dcx)" not in unstaged
    assert (repo / "f.txt").read_text() == new


def test_overlapping_user_edit_is_left_unstaged_with_a_note(make_repo) -> None:
    repo = make_repo({"f.txt": LONG})
    (repo / "f.txt").write_text(LONG.replace("line 3\n", "line 3 (user)\n"))
    ws = Workspace(repo)
    change, originals = change_for(ws, "f.txt", ws.read("f.txt").text.replace("line 4\n", "line 4 (dcx)\n"))
    outcome = apply_changes(ws, (change,), originals)
    assert outcome.applied == ("f.txt",) and outcome.staged == ()
    assert "git add" in outcome.notes[0]
    assert git(repo, "diff", "--cached") == ""
    text = (repo / "f.txt").read_text()
    assert "line 3 (user)" in text and "line 4 (dcx)" in text


def test_file_changed_under_our_feet_is_refused_and_nothing_written(make_repo) -> None:
    repo = make_repo({"a.txt": "a\n", "b.txt": "b\n"})
    ws = Workspace(repo)
    ca, oa = change_for(ws, "a.txt", "A\n")
    cb, ob = change_for(ws, "b.txt", "B\n")
    (repo / "b.txt").write_text("b edited by the user\n")
    with pytest.raises(ApplyError, match="b.txt changed while dcx was working"):
        write_changes(ws, (ca, cb), {**oa, **ob})
    assert (repo / "a.txt").read_text() == "a\n"
    assert (repo / "b.txt").read_text() == "b edited by the user\n"


def test_a_failure_half_way_restores_files_already_written(make_repo, mocker) -> None:
    repo = make_repo({"a.txt": "a\n", "b.txt": "b\n", "c.txt": "c\n"})
    ws = Workspace(repo)
    changes, originals = [], {}
    for name in ("a.txt", "b.txt", "c.txt"):
        change, orig = change_for(ws, name, name.upper())
        changes.append(change)
        originals.update(orig)
    real_replace = os.replace
    calls = {"n": 0}

    def failing_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:  # the third file: a and b are already written
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    mocker.patch("dcx.atomic.os.replace", side_effect=failing_replace)
    with pytest.raises(ApplyError, match="nothing was changed"):
        write_changes(ws, tuple(changes), originals)
    for name in ("a.txt", "b.txt", "c.txt"):
        assert (repo / name).read_text() == name[0] + "\n"
    assert sorted(p.name for p in repo.iterdir() if p.name != ".git") == ["a.txt", "b.txt", "c.txt"]


def test_mode_is_kept_and_new_files_are_created(make_repo) -> None:
    repo = make_repo({"run.sh": "#!/bin/sh\necho hi\n"})
    os.chmod(repo / "run.sh", 0o755)
    ws = Workspace(repo)
    change, originals = change_for(ws, "run.sh", "#!/bin/sh\necho hello\n")
    new = FileChange("lib/new.py", None, "X = 1\n")
    outcome = apply_changes(ws, (change, new), originals)
    assert os.stat(repo / "run.sh").st_mode & 0o777 == 0o755
    assert (repo / "lib/new.py").read_text() == "X = 1\n"
    assert set(outcome.staged) == {"run.sh", "lib/new.py"}
    assert "new file mode" in git(repo, "diff", "--cached", "--", "lib/new.py")


def test_crlf_file_keeps_its_line_endings(make_repo) -> None:
    repo = make_repo({"w.txt": b"one\r\ntwo\r\nthree\r\n"})
    ws = Workspace(repo)
    change, originals = change_for(ws, "w.txt", "one\r\nTWO\r\nthree\r\n")
    apply_changes(ws, (change,), originals)
    assert (repo / "w.txt").read_bytes() == b"one\r\nTWO\r\nthree\r\n"


def test_index_lock_is_reported_and_never_removed(make_repo) -> None:
    repo = make_repo({"a.txt": "a\n"})
    lock = repo / ".git" / "index.lock"
    lock.write_text("")
    ws = Workspace(repo)
    change, originals = change_for(ws, "a.txt", "A\n")
    outcome = apply_changes(ws, (change,), originals)
    assert outcome.staged == () and "index.lock" in outcome.notes[0]
    assert lock.exists()
    assert (repo / "a.txt").read_text() == "A\n"


def test_ctrl_c_while_writing_leaves_every_file_as_it_was(make_repo, mocker) -> None:
    repo = make_repo({"a.txt": "a\n", "b.txt": "b\n"})
    ws = Workspace(repo)
    ca, oa = change_for(ws, "a.txt", "A\n")
    cb, ob = change_for(ws, "b.txt", "B\n")
    real = os.replace
    calls = {"n": 0}

    def interrupted(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(src, dst)

    mocker.patch("dcx.atomic.os.replace", side_effect=interrupted)
    with pytest.raises(KeyboardInterrupt):
        apply_changes(ws, (ca, cb), {**oa, **ob})
    assert (repo / "a.txt").read_text() == "a\n" and (repo / "b.txt").read_text() == "b\n"
    assert not list((repo / ".git" / "dcx" / "backups").iterdir())  # no backup of nothing
    assert git(repo, "status", "--porcelain") == ""


def test_ctrl_c_while_staging_says_how_to_undo(make_repo, mocker) -> None:
    repo = make_repo({"a.txt": "a\n"})
    ws = Workspace(repo)
    change, originals = change_for(ws, "a.txt", "A\n")
    mocker.patch("dcx.write.stage_hunks", side_effect=KeyboardInterrupt)
    with pytest.raises(ApplyError, match="dcx undo"):
        apply_changes(ws, (change,), originals)
    from dcx.write import undo_apply
    undo_apply(ws)
    assert (repo / "a.txt").read_text() == "a\n" and git(repo, "status", "--porcelain") == ""


def test_a_file_with_unresolved_merge_conflicts_is_not_written(make_repo) -> None:
    """A real merge stopped on a conflict: dcx refuses to write or stage there; other files of a
    repository in the middle of a merge are fine."""
    repo = make_repo({"f.txt": "base\n", "g.txt": "other\n"})
    main = git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "theirs")
    (repo / "f.txt").write_text("theirs\n")
    git(repo, "commit", "-qam", "theirs")
    git(repo, "checkout", "-q", main)
    (repo / "f.txt").write_text("ours\n")
    git(repo, "commit", "-qam", "ours")
    merge = __import__("subprocess").run(["git", "merge", "-q", "theirs"], cwd=repo, capture_output=True)
    assert merge.returncode != 0  # stopped on the conflict
    ws = Workspace(repo)
    before = (repo / "f.txt").read_bytes()
    change, originals = change_for(ws, "f.txt", "resolved\n")
    with pytest.raises(ApplyError, match="unresolved merge conflicts"):
        apply_changes(ws, (change,), originals)
    assert (repo / "f.txt").read_bytes() == before
    change, originals = change_for(ws, "g.txt", "other, edited\n")
    assert apply_changes(ws, (change,), originals).staged == ("g.txt",)


CRLF_LONG = LONG.replace("\n", "\r\n")


@pytest.mark.parametrize("setting", ["core.autocrlf=true", ".gitattributes eol=crlf"])
def test_a_crlf_checkout_stages_only_dcx_hunks(make_repo, setting) -> None:
    """Issue #17, bug 7: the index holds LF, the working tree CRLF. dcx's hunk is staged (in
    the index's LF), the user's own edit stays unstaged, and undo puts both back."""
    repo = make_repo({}, commit=False)
    if setting.startswith("core"):
        git(repo, "config", "core.autocrlf", "true")
    else:
        (repo / ".gitattributes").write_text("*.py text eol=crlf\n")
    (repo / "app.py").write_bytes(CRLF_LONG.encode())
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "crlf")
    assert git(repo, "show", ":app.py") == LONG  # the index holds LF
    (repo / "app.py").write_bytes(CRLF_LONG.replace("line 28\r\n", "line 28 (user)\r\n").encode())
    index_before = git(repo, "ls-files", "-s")
    ws = Workspace(repo)
    change, originals = change_for(ws, "app.py",
                                   ws.read("app.py").text.replace("line 2\r\n", "line 2 (dcx)\r\n"))
    added = FileChange("added.py", None, "X = 1\r\n")
    outcome = apply_changes(ws, (change, added), originals)
    assert outcome.staged == ("app.py", "added.py") and outcome.notes == ()
    assert git(repo, "show", ":app.py") == LONG.replace("line 2\n", "line 2 (dcx)\n")
    assert git(repo, "show", ":added.py") == "X = 1\n"
    assert git(repo, "diff", "--name-only") == "app.py\n"  # only the user's edit is unstaged
    assert (repo / "app.py").read_bytes() == CRLF_LONG.replace("line 2\r\n", "line 2 (dcx)\r\n").replace(
        "line 28\r\n", "line 28 (user)\r\n").encode()
    unstaged = git(repo, "diff")
    assert "+line 28 (user)" in unstaged and "(dcx)" not in unstaged
    undo_apply(ws)
    assert git(repo, "ls-files", "-s") == index_before
    assert b"(dcx)" not in (repo / "app.py").read_bytes() and not (repo / "added.py").exists()
