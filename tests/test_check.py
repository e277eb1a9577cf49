"""`dcx check` and the pre-commit hook, in real repositories: through dcx's own installed hook and
through the real `pre-commit` framework (a local hook, and the project's .pre-commit-hooks.yaml
installed by pre-commit itself). Scripted models here; one test with the real models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import call, code_reply, git

PROJECT = Path(__file__).resolve().parent.parent
DCX = Path(sys.executable).with_name("dcx")
CHECK = "python -m pytest -q -p no:cacheprovider tests"
# pre-commit runs hooks in its own environments, whose python has no pytest: name ours
CHECK_HERE = f"{sys.executable} -m pytest -q -p no:cacheprovider tests"
MEAN_FIX = ('def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    if not values:\n'
            '        raise ValueError("mean of an empty list")\n    return sum(values) / len(values)')


def scripted_env(tmp_path: Path, router=(), code=()) -> dict[str, str]:
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"router": list(router), "code": list(code)}))
    return {**here(), "PYTHONPATH": str(PROJECT / "tests" / "scripted_dcx"),
            "DCX_TESTS_FAKE_SCRIPT": str(script), "DCX_PLAN_FIRST_CALL": "false", "DCX_TEST_ROUNDS": "0"}


def here() -> dict[str, str]:
    """The environment with this test run's python first on PATH, as in an activated venv
    (a check's `python` is the first one on PATH)."""
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}


FIX_MEAN = dict(router=[call("generate_code", path="stats/core.py", target="mean", instructions="fix"),
                        call("finish", answer="fixed mean")],
                code=[code_reply(MEAN_FIX)])


def dcx(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(DCX), *args], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=600)


def test_a_passing_check_exits_at_once_without_any_model(fixture_repo, tmp_path) -> None:
    repo = fixture_repo("mean")
    (repo / "stats" / "core.py").write_text(
        (repo / "stats" / "core.py").read_text().replace("(len(values) - 1)", "len(values)"))
    env = {**here(), "PYTHONPATH": str(PROJECT / "tests" / "scripted_dcx"),
           "DCX_TESTS_FAKE_SCRIPT": str(tmp_path / "missing.json")}
    done = dcx(repo, "check", "stats/core.py", "--", *CHECK.split(), env=env)
    assert done.returncode == 0, done.stderr  # a model (even the fake one) would have failed
    assert done.stdout == ""


def test_a_failing_check_gets_a_fix_written_unstaged(fixture_repo, tmp_path) -> None:
    repo = fixture_repo("mean")
    (repo / "README.md").write_text("my unstaged notes\n")
    done = dcx(repo, "check", "stats/core.py", "--", *CHECK.split(), env=scripted_env(tmp_path, **FIX_MEAN))
    assert done.returncode == 1
    assert "+    return sum(values) / len(values)" in done.stdout
    assert "review it and `git add` it" in done.stderr
    assert "return sum(values) / len(values)\n" in (repo / "stats" / "core.py").read_text()
    assert git(repo, "diff", "--cached") == ""  # nothing staged
    assert (repo / "README.md").read_text() == "my unstaged notes\n"
    assert subprocess.run(CHECK.replace("python", sys.executable).split(), cwd=repo).returncode == 0
    undone = dcx(repo, "undo", env=os.environ.copy())
    assert undone.returncode == 0 and "(len(values) - 1)" in (repo / "stats" / "core.py").read_text()


def test_no_write_only_prints_and_files_outside_the_list_are_not_changed(fixture_repo, tmp_path) -> None:
    repo = fixture_repo("mean")
    done = dcx(repo, "check", "--no-write", "--command", CHECK, "stats/core.py",
               env=scripted_env(tmp_path, **FIX_MEAN))
    assert done.returncode == 1 and "+    return sum(values) / len(values)" in done.stdout
    assert "not written" in done.stderr
    assert git(repo, "status", "--porcelain") == ""
    done = dcx(repo, "check", "README.md", "--", *CHECK.split(), env=scripted_env(tmp_path, **FIX_MEAN))
    assert done.returncode == 1 and "no fix found" in done.stderr and done.stdout == ""
    assert git(repo, "status", "--porcelain") == ""


def test_staged_files_from_a_subdirectory_and_files_dcx_may_not_touch(fixture_repo, tmp_path) -> None:
    """--staged names files from the root wherever dcx runs; a secret among FILES is skipped,
    not an error that hides the check's output."""
    repo = fixture_repo("mean")
    (repo / ".env.example").write_text("A=1\n")
    stage_a_change(repo)
    git(repo, "add", ".env.example")
    done = dcx(repo / "tests", "check", "--staged", "--no-write", "--", *CHECK.split(),
               env=scripted_env(tmp_path, **FIX_MEAN))
    assert done.returncode == 1, done.stderr
    assert "+    return sum(values) / len(values)" in done.stdout and "looks like a secret" not in done.stderr


def test_a_check_command_is_required(fixture_repo) -> None:
    done = dcx(fixture_repo("mean"), "check", "stats/core.py", env=os.environ.copy())
    assert done.returncode != 0 and done.stderr.startswith("Error: no check command")


def stage_a_change(repo: Path) -> None:
    (repo / "stats" / "core.py").write_text((repo / "stats" / "core.py").read_text() + "\n# staged\n")
    git(repo, "add", "stats/core.py")


def test_dcx_hook_install_stops_a_failing_commit_with_a_fix(fixture_repo, tmp_path) -> None:
    repo = fixture_repo("mean")
    env = scripted_env(tmp_path, **FIX_MEAN)
    installed = dcx(repo, "hook", "install", "--", *CHECK.split(), env=env)
    assert installed.returncode == 0, installed.stderr
    again = dcx(repo, "hook", "install", "--", "true", env=env)
    assert again.returncode != 0 and "--force" in again.stderr  # an existing hook is left alone
    head = git(repo, "rev-parse", "HEAD")
    stage_a_change(repo)
    (repo / "README.md").write_text("my unstaged notes\n")
    commit = subprocess.run(["git", "commit", "-q", "-m", "wip"], cwd=repo, env=env,
                            capture_output=True, text=True)
    assert commit.returncode != 0  # the hook stopped the commit
    assert git(repo, "rev-parse", "HEAD") == head
    assert "return sum(values) / len(values)\n" in (repo / "stats" / "core.py").read_text()
    assert "(len(values) - 1)" in git(repo, "show", ":stats/core.py")  # the fix is not staged
    assert (repo / "README.md").read_text() == "my unstaged notes\n"
    git(repo, "add", "stats/core.py")
    commit = subprocess.run(["git", "commit", "-q", "-m", "fixed"], cwd=repo, env=env,
                            capture_output=True, text=True)
    assert commit.returncode == 0, commit.stderr  # the check passes now: no model needed
    assert git(repo, "rev-parse", "HEAD") != head


def pre_commit(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).with_name("pre-commit")), *args], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=900)


def test_the_pre_commit_framework_runs_dcx_as_a_local_hook(fixture_repo, tmp_path) -> None:
    repo = fixture_repo("mean")
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: dcx-check\n    name: dcx check\n"
        f"    entry: {DCX} check --command '{CHECK_HERE}'\n    language: system\n"
        "    files: \\.py$\n    require_serial: true\n")
    git(repo, "add", ".pre-commit-config.yaml")
    env = {**scripted_env(tmp_path, **FIX_MEAN), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit")}
    assert pre_commit(repo, "install", env=env).returncode == 0
    head = git(repo, "rev-parse", "HEAD")
    stage_a_change(repo)
    (repo / "README.md").write_text("my unstaged notes\n")  # pre-commit stashes and restores it
    commit = subprocess.run(["git", "commit", "-q", "-m", "wip"], cwd=repo, env=env,
                            capture_output=True, text=True)
    assert commit.returncode != 0 and git(repo, "rev-parse", "HEAD") == head
    assert "dcx check" in commit.stdout + commit.stderr
    assert "return sum(values) / len(values)\n" in (repo / "stats" / "core.py").read_text()
    assert (repo / "README.md").read_text() == "my unstaged notes\n"
    git(repo, "add", "stats/core.py")
    commit = subprocess.run(["git", "commit", "-q", "-m", "fixed"], cwd=repo, env=env,
                            capture_output=True, text=True)
    assert commit.returncode == 0, commit.stdout + commit.stderr


def test_the_projects_hook_manifest_installs_and_runs_under_pre_commit(fixture_repo, tmp_path) -> None:
    """pre-commit clones this project at a commit, installs it (language: python) and runs the
    hook from .pre-commit-hooks.yaml: a failing check stops the commit with dcx's fix."""
    head_of_project = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True,
                                     text=True).stdout.strip()
    manifest = subprocess.run(["git", "show", f"{head_of_project}:.pre-commit-hooks.yaml"], cwd=PROJECT,
                              capture_output=True, text=True)
    if manifest.returncode != 0:
        pytest.skip("the project's committed HEAD has no .pre-commit-hooks.yaml yet")
    repo = fixture_repo("mean")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {PROJECT}\n  rev: {head_of_project}\n  hooks:\n  - id: dcx-check\n"
        f"    args: [--command, '{CHECK_HERE}']\n    files: \\.py$\n")
    git(repo, "add", ".pre-commit-config.yaml")
    env = {**scripted_env(tmp_path, **FIX_MEAN), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit")}
    stage_a_change(repo)
    run = pre_commit(repo, "run", env=env)  # the staged files, as a commit would
    assert run.returncode == 1, run.stdout + run.stderr
    assert "dcx check" in run.stdout and "+    return sum(values) / len(values)" in run.stdout
    assert "return sum(values) / len(values)\n" in (repo / "stats" / "core.py").read_text()
    git(repo, "add", "stats/core.py")
    assert pre_commit(repo, "run", env=env).returncode == 0


@pytest.mark.model
def test_real_models_fix_a_failing_check(fixture_repo) -> None:
    repo = fixture_repo("mean")
    done = dcx(repo, "check", "stats/core.py", "--", *CHECK.split(), env=here())
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("diff --git a/stats/core.py b/stats/core.py")
    assert git(repo, "diff", "--cached") == ""
    assert subprocess.run(CHECK.replace("python", sys.executable).split(), cwd=repo).returncode == 0


@pytest.mark.parametrize("target", ["dangling", "existing"])
def test_hook_install_never_writes_through_a_link(make_repo, tmp_path, monkeypatch, target) -> None:
    """Issue #17, bug 11: a pre-commit hook that is a symbolic link (to nothing, or to a file
    outside the repository) exists: left alone without --force; with it, the link itself is
    replaced and its target never written."""
    from click.testing import CliRunner

    from dcx.cli import main

    repo = make_repo({"a.txt": "a\n"})
    outside = tmp_path / "elsewhere" / "pre-commit"
    outside.parent.mkdir()
    if target == "existing":
        outside.write_text("#!/bin/sh\necho theirs\n")
    before = outside.read_bytes() if outside.exists() else None
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.symlink_to(outside)
    monkeypatch.chdir(repo)
    refused = CliRunner().invoke(main, ["hook", "install", "--", "true"])
    assert refused.exit_code == 1 and f"{hook} exists already" in refused.stderr
    assert "--force" in refused.stderr and hook.is_symlink()
    assert (outside.read_bytes() if outside.exists() else None) == before
    forced = CliRunner().invoke(main, ["hook", "install", "--force", "--", "true"])
    assert forced.exit_code == 0, forced.stderr
    assert not hook.is_symlink() and "check --staged --command true" in hook.read_text()
    assert os.access(hook, os.X_OK)
    assert (outside.read_bytes() if outside.exists() else None) == before


def test_hook_install_never_writes_through_a_tracked_link_named_by_core_hookspath(make_repo, tmp_path,
                                                                                  monkeypatch) -> None:
    """A repository whose hooks folder (core.hooksPath, as husky sets it) is a tracked link to a
    folder outside: the repository's files would choose where dcx writes. Refused, even forced;
    a real folder in the tree is fine."""
    from click.testing import CliRunner

    from dcx.cli import main

    repo = make_repo({"a.txt": "a\n"})
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / ".husky").symlink_to(outside)
    git(repo, "add", ".husky")
    git(repo, "commit", "-q", "-m", "husky")
    git(repo, "config", "core.hooksPath", ".husky")
    monkeypatch.chdir(repo)
    for args in (["hook", "install", "--", "true"], ["hook", "install", "--force", "--", "true"]):
        refused = CliRunner().invoke(main, args)
        assert refused.exit_code == 1 and "a link in the repository" in refused.stderr
    assert list(outside.iterdir()) == []
    (repo / ".husky").unlink()
    (repo / ".husky").mkdir()
    installed = CliRunner().invoke(main, ["hook", "install", "--", "true"])
    assert installed.exit_code == 0, installed.stderr
    assert "check --staged --command true" in (repo / ".husky" / "pre-commit").read_text()
