"""The whole pipeline in real temporary git repositories: scripted models, then the real ones."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from dcx.config import load_settings
from dcx.progress import Silent
from dcx.run import run_request
from dcx.workspace import Workspace
from tests.conftest import FIXTURES, call, code_reply, git
from tests.fakes import FakeBackend


def fixture_task(repo) -> dict:
    return json.loads((FIXTURES / repo.name / "task.json").read_text())


def _plain(diff: str) -> str:
    """A diff without git's index line and hunk-header function context, for comparisons."""
    lines = [re.sub(r"^(@@ [^@]* @@).*$", r"\1", line) for line in diff.splitlines()
             if not line.startswith("index ")]
    return "\n".join(lines)


def run_tests(repo) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
                          cwd=repo, capture_output=True, text=True, timeout=120)


def test_scripted_conversation_applies_and_stages_a_correct_fix(fixture_repo) -> None:
    repo = fixture_repo("mean")
    assert run_tests(repo).returncode != 0  # the fixture's bug is real
    (repo / "notes.txt").write_text("my own unstaged work\n")
    (repo / "README.md").write_text("# stats\nedited by me, staged\n")
    git(repo, "add", "README.md")
    router = FakeBackend([
        call("generate_code", path="stats/core.py", target="mean", instructions="divide by len"),
        call("finish", answer="mean divides by the count now"),
    ])
    coder = FakeBackend([code_reply(
        'def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    if not values:\n'
        '        raise ValueError("mean of an empty list")\n    return sum(values) / len(values)')])
    workspace = Workspace(repo / "stats")  # run from a subdirectory
    settings = load_settings(workspace.root, {"plan_first_call": False})
    outcome = run_request(workspace, settings, fixture_task(repo)["instruction"], (), "fix", True,
                          Silent(), {"router": router, "code": coder})
    assert outcome.applied.applied == ("stats/core.py",)
    assert outcome.applied.staged == ("stats/core.py",)
    staged = git(repo, "diff", "--cached", "--", "stats/core.py")
    assert "-    return sum(values) / (len(values) - 1)\n+    return sum(values) / len(values)" in staged
    # the user's own staged and unstaged work is exactly as it was
    assert git(repo, "diff", "--cached", "--name-only").split() == ["README.md", "stats/core.py"]
    assert (repo / "notes.txt").read_text() == "my own unstaged work\n"
    assert git(repo, "status", "--porcelain", "notes.txt").startswith("??")
    assert run_tests(repo).returncode == 0


def test_dry_run_touches_nothing(fixture_repo) -> None:
    repo = fixture_repo("mean")
    before = (repo / "stats/core.py").read_bytes()
    router = FakeBackend([call("generate_code", path="stats/core.py", target="mean", instructions="x"),
                          call("finish", answer="ok")])
    coder = FakeBackend([code_reply("def mean(values):\n    return sum(values) / len(values)")])
    workspace = Workspace(repo)
    outcome = run_request(workspace, load_settings(repo, {"plan_first_call": False}), "fix mean", (), "fix", False, Silent(),
                          {"router": router, "code": coder})
    assert outcome.applied is None and outcome.result.diff
    assert (repo / "stats/core.py").read_bytes() == before
    assert git(repo, "status", "--porcelain") == ""
    git(repo, "apply", "--check", "-", input=outcome.result.diff)


@pytest.mark.model
@pytest.mark.parametrize("name", ["mean"])
def test_real_default_models_fix_a_one_line_bug(fixture_repo, name) -> None:
    """The packaged models, in-process: `dcx fix --apply` stages a diff that makes the test pass."""
    repo = fixture_repo(name)
    assert run_tests(repo).returncode != 0
    done = subprocess.run(
        [sys.executable, "-m", "dcx", "fix", fixture_task(repo)["instruction"], "--apply", "--json"],
        cwd=repo, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["applied"] and report["staged"] == report["files"]
    assert report["models"]["router"]["backend"] == "llama_cpp"
    assert report["models"]["code"]["file"].endswith("qwen2.5-coder-1.5b-instruct-q4_k_m.gguf")
    staged = git(repo, "diff", "--cached")
    assert report["diff"] and _plain(staged) == _plain(report["diff"])
    assert run_tests(repo).returncode == 0, run_tests(repo).stdout


@pytest.mark.model
def test_real_models_answer_a_question_and_change_nothing(fixture_repo) -> None:
    repo = fixture_repo("mean")
    done = subprocess.run(
        [sys.executable, "-m", "dcx", "ask", "What does the median function return for an even "
         "number of values?", "--json"],
        cwd=repo, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["answer"].strip() and not report["applied"]
    assert any(c["path"] == "stats/core.py" and c["name"] == "median" for c in report["citations"])
    assert report["models"]["code"]["backend"] == "llama_cpp" and report["tokens"]["code"]["completion"]
    assert git(repo, "status", "--porcelain") == ""


@pytest.mark.model
def test_real_models_bench_one_fixture(tmp_path) -> None:
    """`dcx bench --perf` with the packaged models on one fixture writes a complete JSON report,
    with where the time went and llama-cpp-python's own throughput beside dcx's."""
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "dcx", "bench", str(FIXTURES), "--only", "mean", "--json", str(out),
         "--perf"],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    assert report["summary"]["tasks"] == 1 and report["results"][0]["name"] == "mean"
    assert report["results"][0]["passed"] and report["models"]["code"]["backend"] == "llama_cpp"
    assert "first attempt" in done.stdout and "passed          1/1 (100%)" in done.stdout
    code = report["perf"]["roles"]["code"]
    assert 0 < code["evaluated"] <= code["sent"] and code["written"] > 0
    assert code["raw_prompt_per_s"] > 0 and code["raw_generation_per_s"] > 0
    assert 0 < code["generation_ratio"] and 0 < code["prompt_ratio"]
    stages = report["perf"]["stages"]
    assert stages["code model"] > 0 and stages["verify"] > 0 and "context" in stages
    assert "llama-cpp-python alone" in done.stdout
