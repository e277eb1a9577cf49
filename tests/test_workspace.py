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


# -- credential files (issue #17, bug 2) ---------------------------------------------------------

SECRETS = (".env", ".envrc", ".env.local", ".ENV", ".envs/.production/.django", ".git-credentials",
           ".npmrc", ".pypirc", ".netrc", "_netrc", ".pgpass", ".docker/config.json",
           "home/.docker/config.json", ".aws/credentials", "ops/.aws/credentials", ".aws/config",
           "deploy/server.pem", "deploy/server.PEM", "tls/site.key", "certs/c.p12", "certs/c.pfx",
           "vault.kdbx", "android/app.keystore", "android/app.jks", "id_rsa", "keys/id_rsa.pub",
           "id_dsa", "id_ecdsa", "id_ed25519.pub", ".ssh/config", "home/.ssh/known_hosts",
           # the names an adversarial pass found after the first list (issue #17 follow-up)
           "prod.env", "deploy/secrets.env", ".git-credentials~", ".netrc.bak", ".pgpass.old",
           "credentials.json", "gcp/service-account-key.json", ".kube/config", ".vault-token",
           "infra/terraform.tfvars", "infra/terraform.tfstate.backup", ".htpasswd", ".s3cfg",
           ".boto", ".cargo/credentials.toml", ".config/gh/hosts.yml", ".yarnrc.yml", "auth.json",
           ".my.cnf", "config/secrets.yaml", ".m2/settings.xml", ".gradle/gradle.properties",
           "wp-config.php", "public/wp-config.php.bak")
NOT_SECRETS = ("environment.py", "src/envelope.py", "keys.py", "credentials.py", "aws/credentials",
               "docker/config.json", "docs/ssh.md", "app.py", "envs.py", "gradle.properties",
               "settings.xml", "secrets.py", "auth.py", "config/settings.yaml", "wp-config-sample.php")


def test_credential_files_are_refused_and_never_listed(make_repo) -> None:
    repo = make_repo({**{path: "TOKEN=hunter2\n" for path in SECRETS},
                      **{path: "x = 1\n" for path in NOT_SECRETS}})
    ws = Workspace(repo)
    assert set(ws.files) == set(NOT_SECRETS)
    for path in SECRETS:
        with pytest.raises(PathError, match="looks like a secret"):
            ws.check_path(path)
        with pytest.raises(PathError, match="looks like a secret"):
            ws.read(path)
        assert path in ws.all_files  # a scratch copy for the tests still has them


def test_dcx_own_configuration_is_off_limits(make_repo) -> None:
    repo = make_repo({".dcx.toml": "max_steps = 3\n", ".dcxignore": "*.sql\n", "a.py": ""})
    ws = Workspace(repo)
    for path in (".dcx.toml", ".dcxignore", "sub/.dcx.toml", ".DCX.toml", ".DcxIgnore"):
        with pytest.raises(PathError, match="dcx's own configuration, off limits"):
            ws.check_path(path)
    assert ws.files == ("a.py",)


# -- names that prompts and diffs cannot carry (bugs 9 and 10) -----------------------------------

@pytest.mark.parametrize("path, shown", [
    ("a\nb.py", "a\\nb.py"), ("a\tb.py", "a\\tb.py"), ("notes.py\r", "notes.py\\r"),
    ("a\x00b.py", "a\\x00b.py"), ("a\x7fb.py", "a\\x7fb.py"), ("a\x85b.py", "a\\x85b.py"),
    ("evil\u202eyp.py", "evil\\u202eyp.py"), ("a\u2028b.py", "a\\u2028b.py"),
    ("caf\udce9.py", "caf\\xe9.py"),  # a byte that is not UTF-8, as os.fsdecode gives it
    ("plan b/x.py", "plan b/x.py"),
])
def test_names_a_diff_header_or_a_prompt_cannot_carry_are_refused(make_repo, path, shown) -> None:
    ws = Workspace(make_repo({"a.py": ""}))
    with pytest.raises(PathError) as caught:
        ws.check_path(path)
    message = str(caught.value)
    assert message.startswith(f"{shown}: ")  # one printable line that names the file
    assert message.isprintable() and message.encode("utf-8")


def test_plain_names_with_spaces_and_accents_are_fine(make_repo) -> None:
    names = ("a b.py", "année/x.py", "-x.py", "naïve café.txt")
    ws = Workspace(make_repo({name: "x = 1\n" for name in names}))
    assert set(ws.files) == set(names)
    for name in names:
        assert ws.read(name).text == "x = 1\n"


def test_a_file_whose_name_is_not_utf8_is_not_listed_and_is_refused(make_repo) -> None:
    repo = make_repo({"a.py": "x = 1\n"})
    latin = os.fsdecode(b"caf\xe9.py")
    (repo / latin).write_text("y = 2\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "latin-1 name")
    ws = Workspace(repo)
    assert ws.files == ("a.py",) and latin in ws.all_files
    with pytest.raises(PathError, match=r"^caf\\xe9\.py: its name is not valid UTF-8"):
        ws.relative(latin)


# -- submodules and nested repositories (bug 8) --------------------------------------------------

def add_submodule(repo, library) -> None:
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(library), "lib")
    git(repo, "commit", "-q", "-m", "add lib")


def test_paths_inside_a_submodule_are_refused_and_never_listed(make_repo) -> None:
    library = make_repo({"calc.py": "def add(a, b):\n    return a - b\n"})
    repo = make_repo({"app.py": "from lib.calc import add\n"})
    add_submodule(repo, library)
    ws = Workspace(repo / "lib")  # dcx started inside the submodule's folder finds lib's own root
    assert ws.root == (repo / "lib").resolve()
    ws = Workspace(repo)
    assert ws.submodules == {"lib"}
    assert ws.files == (".gitmodules", "app.py")
    assert "lib/calc.py" in ws.all_files  # the scratch copy a check runs in needs it
    for call in (ws.check_path, ws.read, ws.relative):
        with pytest.raises(PathError, match="^lib/calc.py is inside the submodule lib; run dcx inside it$"):
            call("lib/calc.py")
    with pytest.raises(PathError, match="^lib is the submodule lib"):
        ws.check_path("lib")
    with pytest.raises(PathError, match="inside the submodule lib"):
        ws.check_path("lib/new.py")  # a file a model wants to create there
    with pytest.raises(PathError, match="git cannot tell whether it is ignored"):
        ws.is_ignored("lib/calc.py")  # a PathError, not git's GitCommandError


def test_a_nested_repository_that_is_not_a_submodule_is_refused(make_repo) -> None:
    repo = make_repo({"app.py": ""})
    git(repo, "init", "-q", "vendor/tool")
    (repo / "vendor" / "tool" / "t.py").write_text("t = 1\n")
    ws = Workspace(repo)
    assert ws.files == ("app.py",)
    with pytest.raises(PathError, match="inside vendor/tool, a git repository of its own"):
        ws.read("vendor/tool/t.py")
