"""The repository lock (issue #17, bug 5): two dcx processes applying to one repository at once.
Each test runs real processes on a real repository; one of them is paused inside the write
transaction, after it checked its file and before it writes, which is where two unlocked applies
lost a change (the tree held one change, the index both)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

import dcx.lock
from dcx.cli import main
from dcx.lock import lock_path
from dcx.workspace import Workspace
from tests.conftest import git

LONG = "".join(f"line {i}\n" for i in range(1, 31))

# argv: PATH OLD NEW WAIT SIGNALS PAUSE. Reads PATH, touches SIGNALS.read, then applies the
# change; with PAUSE ("pause"), it stops inside the transaction just before writing (touching
# SIGNALS.held) until SIGNALS.go appears.
APPLY = """
import sys, time
from pathlib import Path
import dcx.lock, dcx.write
from dcx.errors import DcxError
from dcx.patch import FileChange
from dcx.workspace import Workspace

path, old, new, wait, signals, pause = sys.argv[1:7]
dcx.lock.WAIT_SECONDS = float(wait)
ws = Workspace(".")
original = ws.read(path)
change = FileChange(path, original.text, original.text.replace(old, new), original.mode)
Path(signals + ".read").touch()
if pause:
    real = dcx.write.write_files

    def paused(*args):
        Path(signals + ".held").touch()
        deadline = time.monotonic() + 60
        while not Path(signals + ".go").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        return real(*args)

    dcx.write.write_files = paused
try:
    outcome = dcx.write.apply_changes(ws, (change,), {path: original}, "concurrent " + new)
except DcxError as exc:
    print(f"Error: {exc}", file=sys.stderr)
    sys.exit(1)
print(",".join(outcome.staged))
"""


def start(cwd: Path, signals: Path, path: str, old: str, new: str, wait: float = 30,
          pause: bool = False) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", APPLY, path, old, new, str(wait), str(signals),
                             "pause" if pause else ""], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.02)


def holding(repo: Path, tmp_path: Path, cwd: Path | None = None) -> tuple[subprocess.Popen, Path]:
    """A process paused inside an apply of f.txt, holding the lock."""
    signals = tmp_path / "first"
    first = start(cwd or repo, signals, "f.txt", "line 2\n", "line 2 (one)\n", pause=True)
    wait_for(Path(f"{signals}.held"), first)
    return first, signals


def test_a_second_apply_waits_and_then_finds_the_file_changed(make_repo, tmp_path) -> None:
    """Both read f.txt before either wrote. The second waits for the first, then refuses:
    tree and index hold the first change only, and agree."""
    repo = make_repo({"f.txt": LONG})
    first, signals = holding(repo, tmp_path)
    second_signals = tmp_path / "second"
    second = start(repo, second_signals, "f.txt", "line 20\n", "line 20 (two)\n")
    wait_for(Path(f"{second_signals}.read"), second)
    time.sleep(0.3)  # the second is now waiting for the lock (unlocked, it would write here)
    Path(f"{signals}.go").touch()
    out1, err1 = first.communicate(timeout=60)
    out2, err2 = second.communicate(timeout=60)
    assert first.returncode == 0 and out1.strip() == "f.txt", err1
    assert second.returncode == 1
    assert err2 == ("Error: f.txt changed while dcx was working; nothing was written. "
                    "Run dcx again on the current version\n")
    text = (repo / "f.txt").read_text()
    assert "line 2 (one)" in text and "(two)" not in text
    assert git(repo, "show", ":f.txt") == text  # the index holds what the tree holds
    assert git(repo, "diff") == ""


def test_a_second_apply_on_another_file_waits_its_turn(make_repo, tmp_path) -> None:
    repo = make_repo({"f.txt": LONG, "g.txt": LONG})
    first, signals = holding(repo, tmp_path)
    second = start(repo, tmp_path / "second", "g.txt", "line 20\n", "line 20 (two)\n")
    wait_for(tmp_path / "second.read", second)
    time.sleep(1)
    assert second.poll() is None  # waiting for the lock
    assert (repo / "g.txt").read_text() == LONG
    Path(f"{signals}.go").touch()
    assert first.wait(timeout=60) == 0 and second.wait(timeout=60) == 0
    assert "(one)" in git(repo, "show", ":f.txt") and "(two)" in git(repo, "show", ":g.txt")
    assert git(repo, "diff") == ""


def test_when_the_lock_stays_held_a_second_dcx_gives_up_and_changes_nothing(make_repo, tmp_path,
                                                                           monkeypatch) -> None:
    repo = make_repo({"f.txt": LONG, "g.txt": LONG})
    first, signals = holding(repo, tmp_path)
    backups = repo / ".git" / "dcx" / "backups"
    before = sorted(p.name for p in backups.iterdir())
    second = start(repo, tmp_path / "second", "g.txt", "line 20\n", "line 20 (two)\n", wait=0.5)
    _, err = second.communicate(timeout=60)
    assert second.returncode == 1
    assert err == "Error: another dcx is applying a change in this repository; try again\n"
    assert (repo / "g.txt").read_text() == LONG and "g.txt" not in git(repo, "diff", "--cached")
    assert sorted(p.name for p in backups.iterdir()) == before  # no backup of nothing
    monkeypatch.chdir(repo)
    monkeypatch.setattr(dcx.lock, "WAIT_SECONDS", 0.3)
    undo = CliRunner().invoke(main, ["undo"])  # undo takes the same lock
    assert undo.exit_code == 1
    assert undo.stderr == "Error: another dcx is applying a change in this repository; try again\n"
    Path(f"{signals}.go").touch()
    assert first.wait(timeout=60) == 0
    assert CliRunner().invoke(main, ["undo"]).exit_code == 0  # free again
    assert (repo / "f.txt").read_text() == LONG


def test_linked_worktrees_share_the_lock(make_repo, tmp_path) -> None:
    repo = make_repo({"f.txt": LONG, "g.txt": LONG})
    worktree = tmp_path / "worktree"
    git(repo, "worktree", "add", "-q", str(worktree))
    assert lock_path(Workspace(worktree)) == lock_path(Workspace(repo)) == repo / ".git" / "dcx" / "lock"
    first, signals = holding(repo, tmp_path)
    second = start(worktree, tmp_path / "second", "g.txt", "line 20\n", "line 20 (two)\n", wait=0.5)
    _, err = second.communicate(timeout=60)
    assert second.returncode == 1 and "another dcx is applying a change" in err
    Path(f"{signals}.go").touch()
    assert first.wait(timeout=60) == 0


def test_a_killed_dcx_leaves_no_lock_behind(make_repo, tmp_path) -> None:
    repo = make_repo({"f.txt": LONG, "g.txt": LONG})
    first, _ = holding(repo, tmp_path)
    first.kill()
    first.wait(timeout=60)
    second = start(repo, tmp_path / "second", "g.txt", "line 20\n", "line 20 (two)\n", wait=2)
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0 and out.strip() == "g.txt", err
