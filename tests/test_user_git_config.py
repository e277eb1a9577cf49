"""The user's own git settings (~/.gitconfig) do not change what dcx reads from git or what it
stages, and do not reach into the bench's copies: each setting here is one a user may well have,
and each broke dcx before it was pinned on the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

from dcx.workspace import Workspace
from tests.conftest import git


def add_to_user_config(*settings: str) -> None:
    """Append ``settings`` ("section.key=value") to the isolated ~/.gitconfig (tests/conftest.py)."""
    path = Path(os.environ["GIT_CONFIG_GLOBAL"])
    for setting in settings:
        key, value = setting.split("=", 1)
        git(path.parent, "config", "--file", str(path), key, value)


def test_search_reads_plain_hits_whatever_the_users_grep_colours_and_columns(make_repo) -> None:
    """color.ui=always put escape codes round the paths and grep.column=true a column between the
    line number and the text: every hit was dropped, and the router was told "no match"."""
    from dcx.tools import search

    repo = make_repo({"pkg/report.py": "def monthly():\n    return balances  # zero balances\n"})
    add_to_user_config("color.ui=always", "grep.column=true")
    assert search(Workspace(repo), "balances") == "pkg/report.py:2:    return balances  # zero balances"


def test_staging_keeps_the_bytes_dcx_wrote_whatever_the_users_apply_whitespace(make_repo) -> None:
    """apply.whitespace=fix staged a line with its trailing blanks cut, so the index differed from
    the diff dcx showed; apply.whitespace=error refused to stage it at all."""
    from dcx.patch import FileChange
    from dcx.write import apply_changes

    for setting in ("apply.whitespace=fix", "apply.whitespace=error"):
        repo = make_repo({"notes.md": "one\ntwo\n"})
        add_to_user_config(setting)
        ws = Workspace(repo)
        original = ws.read("notes.md")
        new = "one  \ntwo\nthree\t\n"  # a Markdown line break, and a trailing tab
        outcome = apply_changes(ws, (FileChange("notes.md", original.text, new, original.mode),),
                                {"notes.md": original})
        assert outcome.staged == ("notes.md",) and outcome.notes == (), setting
        assert git(repo, "show", ":notes.md") == new, setting
        assert git(repo, "status", "--porcelain") == "M  notes.md\n", setting


def test_a_bench_commits_in_its_copies_without_the_users_signing_key_or_hooks(
        tmp_path, monkeypatch) -> None:
    """commit.gpgSign=true made every copy's commit ask gpg for a signature (here a gpg that
    fails), and a global core.hooksPath ran the user's own pre-commit hook in each copy."""
    from tests.conftest import bench_the_mean_fixture

    hooks = tmp_path / "my-hooks"
    hooks.mkdir()
    ran = tmp_path / "hook-ran"
    (hooks / "pre-commit").write_text(f"#!/bin/sh\ntouch '{ran}'\nexit 1\n")
    (hooks / "pre-commit").chmod(0o755)
    add_to_user_config("commit.gpgSign=true", "gpg.program=false", f"core.hooksPath={hooks}")
    result, out = bench_the_mean_fixture(tmp_path, monkeypatch)
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text())["results"][0]["passed"]
    assert not ran.exists()


def test_the_task_checkers_commit_without_the_users_signing_key_or_hooks(tmp_path) -> None:
    """The same settings made both task checkers (which do not import dcx) fail on their first
    commit."""
    import shutil
    import subprocess
    import sys

    from tests.conftest import PROJECT_ROOT

    hooks = tmp_path / "my-hooks"
    hooks.mkdir()
    (hooks / "pre-commit").write_text("#!/bin/sh\nexit 1\n")
    (hooks / "pre-commit").chmod(0o755)
    add_to_user_config("commit.gpgSign=true", "gpg.program=false", f"core.hooksPath={hooks}")
    tasks = PROJECT_ROOT / "benchmarks" / "repo_tasks"
    suite = tmp_path / "suite"
    shutil.copytree(tasks / "dev" / "budget_december_range", suite / "budget_december_range")
    for argv in ([str(tasks / "check_tasks.py"), str(suite)],
                 [str(PROJECT_ROOT / "benchmarks" / "exercism_style" / "check_tasks.py"), "luhn"]):
        done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, timeout=300,
                              cwd=tmp_path)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
