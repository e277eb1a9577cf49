"""The OpenAI-compatible HTTP backend against a scripted stub server on 127.0.0.1: streaming,
JSON-schema dialects, retries with backoff, timeouts, model names, API keys, and the CLI."""

from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner

from dcx.backends.openai_http import Endpoint, OpenAIHTTPBackend
from dcx.cli import main
from dcx.config import load_settings
from dcx.errors import BackendError, ConfigError
from tests.conftest import code_reply, git
from tests.stub_server import Answer, StubServer

SCHEMA = {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
MESSAGES = [{"role": "user", "content": "hello"}]


@pytest.fixture
def stub():
    server = StubServer().start()
    yield server
    server.stop()


def backend(url: str, *, model: str | None = None, key: str | None = None, timeout: float = 5.0,
            retries: int = 2, sleeps: list | None = None) -> OpenAIHTTPBackend:
    sleeps = [] if sleeps is None else sleeps
    return OpenAIHTTPBackend(Endpoint("code", url, model, key, "$DCX_CODE_MODEL_URL", timeout, retries),
                             sleep=sleeps.append)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_streams_the_reply_and_sends_greedy_llama_sampling(stub) -> None:
    stub.answers.append(Answer(text="def add(a, b): return a + b"))
    seen = []
    b = backend(stub.url)
    b._on_tokens = lambda role, n: seen.append((role, n))
    done = b.chat(MESSAGES, max_tokens=50, stop=["```\n"])
    assert done.text == "def add(a, b): return a + b"
    assert done.completion_tokens == 7 and seen[-1] == ("code", 7)  # one chunk per token
    assert done.prompt_tokens == 0  # this server reports no usage
    body = stub.chats[0]["body"]
    assert body["model"] == "stub-model" and body["stream"] is True
    assert body["temperature"] == 0.0 and body["repeat_penalty"] == 1.0 and body["stop"] == ["```\n"]
    assert body["messages"] == MESSAGES and body["max_tokens"] == 50


def test_usage_is_taken_from_the_server_when_it_reports_it(stub) -> None:
    stub.answers.append(Answer(text="ok", usage={"prompt_tokens": 31, "completion_tokens": 2}))
    done = backend(stub.url).chat(MESSAGES, max_tokens=5)
    assert (done.prompt_tokens, done.completion_tokens) == (31, 2)


def test_json_schema_falls_back_to_the_dialect_the_server_takes(stub) -> None:
    rejected = {"error": {"message": "Input should be 'text' or 'json_object' at response_format.type"}}
    stub.answers += [Answer(500, body=rejected), Answer(text='{"name": "x"}'), Answer(text='{"name": "y"}')]
    sleeps: list[float] = []
    b = backend(stub.url, sleeps=sleeps)
    assert b.chat(MESSAGES, max_tokens=20, json_schema=SCHEMA).text == '{"name": "x"}'
    assert b.chat(MESSAGES, max_tokens=20, json_schema=SCHEMA).text == '{"name": "y"}'
    formats = [r["body"]["response_format"] for r in stub.chats]
    assert formats[0] == {"type": "json_schema", "json_schema": {"name": "tool_call", "schema": SCHEMA}}
    assert formats[1] == formats[2] == {"type": "json_object", "schema": SCHEMA}  # remembered
    assert sleeps == []  # a refused format is not retried as a server failure


def test_a_server_that_takes_no_schema_gets_plain_openai_fields(stub) -> None:
    bad = {"error": {"message": "Unrecognized request argument supplied: repeat_penalty"}}
    stub.answers += [Answer(400, body=bad), Answer(400, body=bad), Answer(text='{"name": "z"}')]
    assert backend(stub.url).chat(MESSAGES, max_tokens=20, json_schema=SCHEMA).text == '{"name": "z"}'
    last = stub.chats[-1]["body"]
    assert "response_format" not in last and "repeat_penalty" not in last


def test_server_errors_are_retried_with_backoff(stub) -> None:
    stub.answers += [Answer(500), Answer(502), Answer(text="fine")]
    sleeps: list[float] = []
    assert backend(stub.url, sleeps=sleeps).chat(MESSAGES, max_tokens=5).text == "fine"
    assert sleeps == [0.5, 1.0] and len(stub.chats) == 3


def test_retries_are_bounded_and_the_error_is_one_clear_line(stub) -> None:
    stub.answers += [Answer(503, body={"error": {"message": "loading model"}})] * 3
    with pytest.raises(BackendError) as info:
        backend(stub.url, retries=1).chat(MESSAGES, max_tokens=5)
    assert len(stub.chats) == 2
    assert str(info.value) == f"the code model server at {stub.url} failed (HTTP 503: loading model)"


def test_client_errors_are_not_retried(stub) -> None:
    stub.answers += [Answer(400, body={"error": {"message": "prompt is longer than the context"}})]
    sleeps: list[float] = []
    with pytest.raises(BackendError, match="HTTP 400: prompt is longer"):
        backend(stub.url, sleeps=sleeps).chat(MESSAGES, max_tokens=5)
    assert sleeps == [] and len(stub.chats) == 1


def test_a_connection_cut_mid_reply_is_retried(stub) -> None:
    stub.answers += [Answer(text="half of it", cut=True), Answer(text="all of it")]
    assert backend(stub.url).chat(MESSAGES, max_tokens=5).text == "all of it"


def test_server_down_is_a_clear_error_after_the_retries() -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    sleeps: list[float] = []
    with pytest.raises(BackendError) as info:
        backend(url, sleeps=sleeps).chat(MESSAGES, max_tokens=5)
    assert sleeps == [0.5, 1.0]
    assert str(info.value) == (f"cannot reach the code model server at {url} (connection refused); "
                               "start the server, or fix the URL (from $DCX_CODE_MODEL_URL)")


def test_a_silent_server_times_out(stub) -> None:
    stub.answers.append(Answer(text="late", delay=2.0))
    with pytest.raises(BackendError, match=r"sent nothing for 0.5 s; .* raise http_timeout"):
        backend(stub.url, timeout=0.5).chat(MESSAGES, max_tokens=5)


def test_model_names_are_checked_against_the_server(stub) -> None:
    with pytest.raises(BackendError, match=r"has no model named 'big' \(it serves: stub-model\); "
                                           r"fix DCX_CODE_MODEL_NAME"):
        backend(stub.url, model="big").chat(MESSAGES, max_tokens=5)
    stub.models = ["a", "b"]
    with pytest.raises(BackendError, match=r"serves several models \(a, b\); choose one with DCX_CODE_MODEL_NAME"):
        backend(stub.url).chat(MESSAGES, max_tokens=5)
    stub.answers.append(Answer(text="ok"))
    assert backend(stub.url, model="b").chat(MESSAGES, max_tokens=5).text == "ok"
    assert stub.chats[-1]["body"]["model"] == "b"


def test_a_server_without_a_model_list_needs_a_name(stub) -> None:
    stub.models = None
    with pytest.raises(BackendError, match="does not list its models; name the model with"):
        backend(stub.url).chat(MESSAGES, max_tokens=5)
    stub.answers.append(Answer(text="ok"))
    assert backend(stub.url, model="qwen2.5-coder:1.5b").chat(MESSAGES, max_tokens=5).text == "ok"


def test_the_api_key_is_sent_and_never_shown(stub) -> None:
    secret = "sk-test-0123456789"
    stub.answers.append(Answer(401, body={"error": {"message": "invalid api key"}}))
    with pytest.raises(BackendError) as info:
        backend(stub.url, key=secret).chat(MESSAGES, max_tokens=5)
    assert all(r["headers"].get("Authorization") == f"Bearer {secret}" for r in stub.requests)
    assert secret not in str(info.value) and "DCX_API_KEY" in str(info.value)


# -- settings ---------------------------------------------------------------------------------


def test_api_keys_are_refused_in_config_files(tmp_path) -> None:
    (tmp_path / ".dcx.toml").write_text('code_model_url = "http://127.0.0.1:9/v1"\napi_key = "sk-1"\n')
    with pytest.raises(ConfigError, match="never reads API keys from config files"):
        load_settings(tmp_path, environ={})


def test_urls_must_be_http(tmp_path) -> None:
    with pytest.raises(ConfigError, match="code_model_url from \\$DCX_CODE_MODEL_URL must be an http"):
        load_settings(tmp_path, environ={"DCX_CODE_MODEL_URL": "127.0.0.1:8000/v1"})


def test_each_role_is_configured_on_its_own(tmp_path) -> None:
    from dcx.models import endpoint

    (tmp_path / ".dcx.toml").write_text('code_model_url = "http://gpu.lan:8000/v1"\n'
                                        'code_model_name = "qwen-7b"\ncode_model_key_env = "TEAM_KEY"\n')
    settings = load_settings(tmp_path, environ={"TEAM_KEY": "k1", "DCX_API_KEY": "other"})
    code = endpoint("code", settings, {"TEAM_KEY": "k1"})
    assert (code.url, code.model, code.api_key) == ("http://gpu.lan:8000/v1", "qwen-7b", "k1")
    assert endpoint("language", settings) is None  # the router stays in-process
    single = load_settings(tmp_path, {"dual_model_mode": False}, environ={})
    assert endpoint("language", single, {}).url == "http://gpu.lan:8000/v1"  # the code model plans too


# -- through the CLI ----------------------------------------------------------------------------

CALC = "def add(a, b):\n    return a - b\n"


def test_fix_with_the_code_model_on_a_server(make_repo, stub, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    monkeypatch.setenv("DCX_CODE_MODEL_URL", stub.url)
    stub.answers.append(Answer(text=code_reply("def add(a, b):\n    return a + b")))
    done = CliRunner().invoke(main, ["fix", "--json", "add must add, not subtract", "calc.py"],
                              catch_exceptions=False)
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    assert "+    return a + b" in report["diff"]
    assert report["models"]["code"] == {"model": "stub-model", "backend": "openai", "url": stub.url}
    assert report["tokens"]["code"]["completion"] > 0


def test_a_failing_server_changes_nothing(make_repo, stub, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    monkeypatch.setenv("DCX_CODE_MODEL_URL", stub.url)
    monkeypatch.setenv("DCX_HTTP_RETRIES", "0")
    stub.answers.append(Answer(500, body={"error": {"message": "out of memory"}}))
    done = CliRunner().invoke(main, ["fix", "--apply", "add must add", "calc.py"])
    assert done.exit_code != 0
    assert done.stderr.strip() == f"Error: the code model server at {stub.url} failed (HTTP 500: out of memory)"
    assert (repo / "calc.py").read_text() == CALC and git(repo, "status", "--porcelain") == ""


def test_models_shows_remote_roles(stub, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DCX_CODE_MODEL_URL", stub.url)
    monkeypatch.setenv("DCX_LANGUAGE_MODEL_URL", f"http://127.0.0.1:{closed_port()}/v1")
    monkeypatch.setenv("DCX_API_KEY", "sk-never-shown")
    done = CliRunner().invoke(main, ["models", "--json"], catch_exceptions=False)
    rows = {row["role"]: row for row in json.loads(done.stdout)}
    assert rows["code"]["reachable"] and rows["code"]["model"] == "stub-model" and rows["code"]["api_key"]
    assert rows["language"]["reachable"] is False and "connection refused" in rows["language"]["error"]
    text = CliRunner().invoke(main, ["models"], catch_exceptions=False).stdout
    assert f"stub-model on {stub.url}" in text and "NOT reachable" in text
    assert "sk-never-shown" not in text + done.stdout


def test_ctrl_c_while_a_reply_streams_cancels_and_writes_nothing(make_repo, stub) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    repo = make_repo({"calc.py": CALC})
    stub.answers.append(Answer(text=code_reply("def add(a, b):\n    return a + b"), delay=30))
    run = subprocess.Popen([sys.executable, "-m", "dcx", "fix", "--apply", "add must add", "calc.py"],
                           cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env={**os.environ, "DCX_CODE_MODEL_URL": stub.url})
    deadline = time.monotonic() + 30
    while not stub.chats:
        assert time.monotonic() < deadline and run.poll() is None, run.communicate()
        time.sleep(0.05)
    started = time.monotonic()
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=20)
    assert time.monotonic() - started < 5  # not waiting for the reply
    assert run.returncode != 0 and err.strip() == "Error: interrupted; nothing was written"
    assert (repo / "calc.py").read_text() == CALC and git(repo, "status", "--porcelain") == ""
