"""Models on a real OpenAI-compatible server: llama-cpp-python's own (`python -m llama_cpp.server`),
started on 127.0.0.1 with the packaged models, against dcx in-process on the same models."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from dcx.config import load_settings
from dcx.models import ModelFile, locate, resolve
from dcx.progress import Silent
from tests.conftest import FIXTURES, git

pytestmark = pytest.mark.model

ASK = "What does the median function return for an even number of values?"


def model_file(role: str) -> Path:
    spec = resolve(role, load_settings(None, {}))
    assert isinstance(spec, ModelFile)
    return locate(spec, Silent())


@contextmanager
def llama_server(role: str, log: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    """llama-cpp-python's server with the packaged model of ``role``, set up like dcx's
    in-process backend (context, threads, batch; no logits for every token)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    threads = str(os.cpu_count() or 1)
    path = model_file(role)
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(path), "--model_alias", path.stem,
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_batch", "512",
             "--n_threads", threads, "--n_threads_batch", threads, "--logits_all", "false",
             "--verbose", "false"],
            stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, log.read_text()
            try:
                if httpx.get(f"{url}/models", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
        yield server, url
    finally:
        server.kill()
        server.wait()


@pytest.fixture(scope="module")
def code_server(tmp_path_factory) -> Iterator[str]:
    with llama_server("code", tmp_path_factory.mktemp("server") / "code.log") as (_, url):
        yield url


def dcx(repo: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dcx", *args], cwd=repo, capture_output=True,
                          text=True, timeout=600, env={**os.environ, **env})


def instruction(name: str) -> str:
    return json.loads((FIXTURES / name / "task.json").read_text())["instruction"]


def test_the_code_model_on_a_server_gives_the_same_diff_as_in_process(fixture_repo, code_server) -> None:
    repo = fixture_repo("mean")
    local = dcx(repo, "fix", "--json", instruction("mean"))
    assert local.returncode == 0, local.stderr
    remote = dcx(repo, "fix", "--json", instruction("mean"), DCX_CODE_MODEL_URL=code_server)
    assert remote.returncode == 0, remote.stderr
    local_report, remote_report = json.loads(local.stdout), json.loads(remote.stdout)
    assert remote_report["models"]["code"]["backend"] == "openai"
    assert remote_report["models"]["code"]["url"] == code_server
    assert local_report["models"]["code"]["backend"] == "llama_cpp"
    assert remote_report["diff"] and remote_report["diff"] == local_report["diff"]
    assert remote_report["tokens"]["code"]["completion"] == local_report["tokens"]["code"]["completion"]
    git(repo, "apply", "--check", "-", input=remote_report["diff"])


def test_bench_runs_a_suite_against_a_server(tmp_path, code_server) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "dcx", "bench", str(FIXTURES), "--only", "mean", "--json", str(out),
         "--perf"],
        capture_output=True, text=True, timeout=900, env={**os.environ, "DCX_CODE_MODEL_URL": code_server})
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    assert report["models"]["code"]["backend"] == "openai"
    assert report["results"][0]["passed"], report["results"][0]
    assert report["perf"]["roles"]["code"]["written"] > 0
    assert "raw_prompt_per_s" not in report["perf"]["roles"]["code"]  # no raw figure for a server


def test_both_roles_on_servers_answer_like_in_process(fixture_repo, code_server, tmp_path) -> None:
    """The router's tool calls go over HTTP under the same JSON schema as in-process."""
    repo = fixture_repo("mean")
    local = dcx(repo, "ask", "--json", ASK, DCX_ANSWER_MODEL="router")  # the router's tool calls
    assert local.returncode == 0, local.stderr
    with llama_server("router", tmp_path / "router.log") as (_, router_url):
        remote = dcx(repo, "ask", "--json", ASK, DCX_CODE_MODEL_URL=code_server,
                     DCX_LANGUAGE_MODEL_URL=router_url, DCX_ANSWER_MODEL="router")
    assert remote.returncode == 0, remote.stderr
    local_report, remote_report = json.loads(local.stdout), json.loads(remote.stdout)
    assert {r["backend"] for r in remote_report["models"].values()} == {"openai"}
    router_steps = [s for s in remote_report["steps"] if s["by"] == "router"]
    assert router_steps and remote_report["steps"][-1]["tool"] == "finish"
    assert [(s["tool"], s["arguments"]) for s in remote_report["steps"]] == [
        (s["tool"], s["arguments"]) for s in local_report["steps"]]
    assert remote_report["answer"] == local_report["answer"]
    assert git(repo, "status", "--porcelain") == ""


def test_a_server_stopped_mid_run_is_a_clear_error_and_nothing_is_written(fixture_repo, tmp_path) -> None:
    repo = fixture_repo("mean")
    before = {p: p.read_bytes() for p in repo.rglob("*.py")}
    with llama_server("code", tmp_path / "code.log") as (server, url):
        run = subprocess.Popen(
            [sys.executable, "-m", "dcx", "fix", "--apply", instruction("mean")], cwd=repo,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "DCX_CODE_MODEL_URL": url, "DCX_PROGRESS": "1", "DCX_HTTP_RETRIES": "1"})
        lines = []
        for line in run.stderr:  # wait until the reply has begun to stream in
            lines.append(line)
            if line.startswith("dcx: code model: first token after"):
                break
        server.send_signal(signal.SIGKILL)  # mid-reply: the fix is dozens of tokens long
        rest = run.stderr.read()
        assert run.wait(timeout=120) != 0
    error = rest.strip().splitlines()[-1]
    assert any("first token" in line for line in lines), lines + [rest]
    assert error.startswith(f"Error: cannot reach the code model server at {url} ("), lines + [rest]
    assert "Traceback" not in rest
    assert git(repo, "status", "--porcelain") == ""
    assert {p: p.read_bytes() for p in repo.rglob("*.py")} == before
