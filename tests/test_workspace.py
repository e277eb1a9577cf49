"""The working tree and its path rules, against real repositories."""

from __future__ import annotations

import os

import pytest

from dcx.errors import NotARepositoryError, PathError, RepositoryStateError
from dcx.workspace import Workspace
from tests.conftest import git


def test_root_is_found_from_a_subdirectory(make_repo) -> None:
    repo = make_repo({"pkg/sub/mod.py": "x = 1\n"})
    ws = Workspace(repo / "pkg" / "sub")
    assert ws.root == repo.resolve()
    assert ws.relative("mod.py") == "pkg/sub/mod.py"


def test_files_include_untracked_but_not_ignored(make_repo) -> None:
    repo = make_repo({"a.py": "", ".gitignore": "build/\n"})
    (repo / "new.py").write_text("")
    (repo / "build").mkdir()
    (repo / "build" / "out.py").write_text("")
    ws = Workspace(repo)
    assert ws.files == (".gitignore", "a.py", "new.py")
    assert ws.changed() == ("new.py",)


def test_not_a_repository_and_bare(tmp_path) -> None:
    with pytest.raises(NotARepositoryError):
        Workspace(tmp_path)
    git(tmp_path, "init", "-q", "--bare", "bare.git")
    with pytest.raises(RepositoryStateError, match="bare repository"):
        Workspace(tmp_path / "bare.git")


def test_repository_without_commits_works(make_repo) -> None:
    repo = make_repo({"a.py": "x = 1\n"}, commit=False)
    ws = Workspace(repo)
    assert ws.files == ("a.py",) and ws.read("a.py").text == "x = 1\n"


@pytest.mark.parametrize("path, message", [
    ("/etc/passwd", "relative"),
    ("../x", "'..'"),
    ("a/../../x", "'..'"),
    (".git/config", ".git/"),
    (".env", "secret"),
    ("deploy/server.pem", "secret"),
    ("home/id_rsa", "secret"),
    ("", "empty"),
])
def test_path_rules(make_repo, path, message) -> None:
    ws = Workspace(make_repo({"a.py": ""}))
    with pytest.raises(PathError, match=message):
        ws.check_path(path)


def test_symlinks_are_not_followed(make_repo, tmp_path) -> None:
    repo = make_repo({"a.py": "x\n"})
    outside = tmp_path / "outside.txt"
    outside.write_text("secret\n")
    os.symlink(outside, repo / "link.txt")
    os.symlink(repo / "a.py", repo / "alias.py")
    ws = Workspace(repo)
    for name in ("link.txt", "alias.py"):
        with pytest.raises(PathError, match="symbolic link"):
            ws.read(name)


def test_binary_huge_non_utf8_and_ignored_files_are_refused(make_repo) -> None:
    repo = make_repo({
        "img.png": b"\x89PNG\r\n\x1a\n\0\0\0",
        "big.txt": "x" * (600 * 1024),
        "utf16.txt": "caf\xe9\n".encode("utf-16"),
        "liar.py": "# -*- coding: utf-8 -*-\ncaf\xe9\n".encode("latin-1"),
        ".gitignore": "secret_dir/\n",
    })
    (repo / "secret_dir").mkdir()
    (repo / "secret_dir" / "x.py").write_text("")
    ws = Workspace(repo)
    for path, message in [("img.png", "binary"), ("big.txt", "KiB"), ("utf16.txt", "UTF-16 or UTF-32"),
                          ("liar.py", "not valid utf-8 text"),
                          ("secret_dir/x.py", "ignored"), ("missing.py", "does not exist")]:
        with pytest.raises(PathError, match=message):
            ws.read(path)


def test_read_keeps_crlf_and_detects_it(make_repo) -> None:
    repo = make_repo({"w.txt": b"a\r\nb\r\n"})
    text = Workspace(repo).read("w.txt")
    assert text.text == "a\r\nb\r\n" and text.newline == "\r\n" and text.raw == b"a\r\nb\r\n"


def test_dcxignore_denies_paths_and_hides_them_from_the_file_list(make_repo) -> None:
    repo = make_repo({
        ".dcxignore": "# not for the models\n*.sql\nprivate/\nconfig/prod.yaml\nsecrets\n**/gen.py\n",
        "app.py": "x = 1\n", "dump.sql": "select 1;\n", "private/notes.txt": "n\n",
        "config/prod.yaml": "k: v\n", "config/dev.yaml": "k: v\n", "sub/.env": "A=1\n",
        "a/secrets/api.txt": "k\n", "gen.py": "g = 1\n", "b/gen.py": "g = 2\n",
    })
    ws = Workspace(repo)
    for path in ("dump.sql", "private/notes.txt", "config/prod.yaml", "a/secrets/api.txt", "gen.py",
                 "b/gen.py"):
        with pytest.raises(PathError, match=r"denied by \.dcxignore"):
            ws.read(path)
    with pytest.raises(PathError):
        ws.check_path(".dcxignore")  # a model cannot loosen it
    assert ws.read("config/dev.yaml").text == "k: v\n"
    assert set(ws.files) == {"app.py", "config/dev.yaml"}  # denied files are not listed either
    assert "sub/.env" in ws.all_files and "dump.sql" in ws.all_files  # for scratch copies


def test_a_nested_or_differently_cased_git_folder_is_off_limits(make_repo) -> None:
    ws = Workspace(make_repo({"a.py": ""}))
    for path in ("sub/.git/config", ".GIT/config"):
        with pytest.raises(PathError, match="under .git/"):
            ws.check_path(path)
