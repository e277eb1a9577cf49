"""Shared fixtures: real temporary git repositories in an isolated git environment."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import pytest

from dcx.model_cache import dcx_home

# Model tests use the real model cache even though HOME is isolated below.
REAL_DCX_HOME = str(dcx_home())
PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT_ROOT / "fixtures"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user git config, templates or dcx config leak in; git identity is fixed."""
    home = tmp_path_factory.mktemp("home")
    for name in list(os.environ):
        if name.startswith(("GIT_", "DCX_")) or name in (
            "LANGUAGE_MODEL_PATH", "LOCAL_MODEL_PATH", "DUAL_MODEL_MODE", "NO_COLOR"
        ):
            monkeypatch.delenv(name, raising=False)
    templates = home / "git-templates"
    templates.mkdir()
    gitconfig = home / ".gitconfig"
    gitconfig.write_text("[user]\n\tname = dcx tests\n\temail = tests@dcx.invalid\n"
                         "[init]\n\tdefaultBranch = main\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_TEMPLATE_DIR", str(templates))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("DCX_HOME", REAL_DCX_HOME)
    # Servers the tests start on 127.0.0.1 are reached directly, whatever proxy the machine uses.
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, ",".join(filter(None, [os.environ.get(name), "127.0.0.1", "localhost"])))


def git(repo: Path, *args: str, input: str | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=repo, input=input, capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout


MakeRepo = Callable[..., Path]


@pytest.fixture
def make_repo(tmp_path: Path) -> MakeRepo:
    """make_repo({"path": "text", ...}) -> a repository with those files in one commit."""
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes], commit: bool = True) -> Path:
        repo = tmp_path / f"repo{next(counter)}"
        repo.mkdir()
        git(repo, "init", "-q")
        for rel, content in files.items():
            path = repo / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_bytes(content.encode("utf-8"))
        if commit:
            git(repo, "add", "-A")
            git(repo, "commit", "-q", "-m", "initial")
        return repo

    return make


@pytest.fixture
def fixture_repo(tmp_path: Path) -> Callable[[str], Path]:
    """A copy of fixtures/NAME/repo as a fresh repository with one commit."""

    def make(name: str) -> Path:
        repo = tmp_path / name
        shutil.copytree(FIXTURES / name / "repo", repo, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "fixture")
        return repo

    return make


def call(name: str, **arguments: object) -> str:
    """A router reply: one tool call as JSON."""
    return json.dumps({"name": name, "arguments": arguments})


def code_reply(code: str, language: str = "python") -> str:
    return f"Here is the code:\n```{language}\n{code}\n```\n"


def told_and_taken(repo: Path, replies: list[str], request: str):
    """`dcx fix REQUEST` in ``repo``, dcx planning alone and the code model scripted with
    ``replies`` (the router says nothing): what the second try was told, and the result."""
    from dcx.config import load_settings
    from dcx.pipeline import Pipeline
    from dcx.progress import Silent
    from dcx.request import Request
    from dcx.workspace import Workspace
    from tests.fakes import FakeBackend

    coder = FakeBackend(replies)
    pipeline = Pipeline(load_settings(repo, {"plan_first_call": True}), Workspace(repo), Silent(),
                        {"router": FakeBackend([]), "code": coder})
    result = pipeline.run(pipeline.start(Request(request)))
    return coder.history[1]["messages"][-1]["content"], result


MEAN_FIX = ('def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    if not values:\n'
            '        raise ValueError("mean of an empty list")\n    return sum(values) / len(values)')


def bench_the_mean_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`dcx bench fixtures --only mean --test-rounds 0 --json ...` through the command line, its
    models scripted to fix mean: the CliRunner result and the path of the --json report."""
    from click.testing import CliRunner

    from dcx.cli import main
    from tests.fakes import use_script

    script = tmp_path / "script.json"
    script.write_text(json.dumps({
        "router": [call("generate_code", path="stats/core.py", target="mean", instructions="fix"),
                   call("finish", answer="fixed mean")],
        "code": [code_reply(MEAN_FIX)]}))
    use_script(monkeypatch, script)
    monkeypatch.setenv("DCX_PLAN_FIRST_CALL", "false")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(main, ["bench", str(FIXTURES), "--only", "mean", "--test-rounds", "0",
                                       "--json", str(out)], catch_exceptions=False)
    return result, out


def assert_untouched(repo: Path, head: str) -> None:
    """``repo`` still has ``head``, a working tree (not bare) and nothing changed in it."""
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "config", "--bool", "core.bare").strip() == "false"
    assert git(repo, "status", "--porcelain") == ""
