"""The OpenAI-compatible HTTP backend against a scripted stub server on 127.0.0.1: streaming,
JSON-schema dialects, retries with backoff, timeouts, model names, API keys, and the CLI."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from dcx.backends.base import ChatRequest
from dcx.backends.openai_http import Endpoint, OpenAIHTTPBackend
from dcx.cli import main
from dcx.config import load_settings
from dcx.errors import BackendError, ConfigError
from dcx.progress import Reporter
from dcx.settings import user_config_path
from tests.conftest import code_reply, git
from tests.stub_server import Answer, StubServer

SCHEMA = {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
MESSAGES = [{"role": "user", "content": "hello"}]


@pytest.fixture
def stub():
    server = StubServer().start()
    yield server
    server.stop()


class Counting(Reporter):
    """Progress as a list of events."""

    def __init__(self) -> None:
        super().__init__(enabled=False)
        self.seen: list[tuple] = []

    def stage(self, message: str) -> None:
        self.seen.append(("stage", message))

    def tokens(self, role: str, count: int) -> None:
        self.seen.append((role, count))

    def end_line(self) -> None:
        self.seen.append(("end",))


def backend(url: str, *, model: str | None = None, key: str | None = None, timeout: float = 5.0,
            retries: int = 2, sleeps: list | None = None, key_env: str = "DCX_API_KEY",
            reporter: Reporter | None = None) -> OpenAIHTTPBackend:
    sleeps = [] if sleeps is None else sleeps
    where = Endpoint(role="code", url=url, model=model, api_key=key, key_env=key_env,
                     url_origin="$DCX_CODE_MODEL_URL", name_setting="DCX_CODE_MODEL_NAME",
                     timeout=timeout, retries=retries)
    return OpenAIHTTPBackend(where, reporter, sleep=sleeps.append)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_streams_the_reply_and_sends_greedy_llama_sampling(stub) -> None:
    stub.answers.append(Answer(text="def add(a, b): return a + b"))
    progress = Counting()
    done = backend(stub.url, reporter=progress).chat(ChatRequest(MESSAGES, max_tokens=50, stop=["```\n"]))
    assert done.text == "def add(a, b): return a + b"
    assert done.completion_tokens == 7  # one chunk per token
    assert progress.seen[0][0] == "stage" and progress.seen[0][1].startswith("code model: first token after")
    assert progress.seen[1:] == [("code", n) for n in range(1, 8)] + [("end",)]
    assert done.prompt_tokens == 0  # this server reports no usage
    body = stub.chats[0]["body"]
    assert body["model"] == "stub-model" and body["stream"] is True
    assert body["temperature"] == 0.0 and body["repeat_penalty"] == 1.0 and body["stop"] == ["```\n"]
    assert body["messages"] == MESSAGES and body["max_tokens"] == 50


def test_usage_is_taken_from_the_server_when_it_reports_it(stub) -> None:
    stub.answers.append(Answer(text="ok", usage={"prompt_tokens": 31, "completion_tokens": 2}))
    done = backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=5))
    assert (done.prompt_tokens, done.completion_tokens) == (31, 2)


def test_json_schema_falls_back_to_the_dialect_the_server_takes(stub) -> None:
    rejected = {"error": {"message": "Input should be 'text' or 'json_object' at response_format.type"}}
    stub.answers += [Answer(500, body=rejected), Answer(text='{"name": "x"}'), Answer(text='{"name": "y"}')]
    sleeps: list[float] = []
    b = backend(stub.url, sleeps=sleeps)
    assert b.chat(ChatRequest(MESSAGES, max_tokens=20, json_schema=SCHEMA)).text == '{"name": "x"}'
    assert b.chat(ChatRequest(MESSAGES, max_tokens=20, json_schema=SCHEMA)).text == '{"name": "y"}'
    formats = [r["body"]["response_format"] for r in stub.chats]
    assert formats[0] == {"type": "json_schema", "json_schema": {"name": "tool_call", "schema": SCHEMA}}
    assert formats[1] == formats[2] == {"type": "json_object", "schema": SCHEMA}  # remembered
    assert sleeps == []  # a refused format is not retried as a server failure


def test_a_strict_server_loses_llama_fields_but_keeps_the_schema(stub) -> None:
    """OpenAI's own API: unknown fields are refused, json_schema is taken."""
    bad = {"error": {"message": "Unrecognized request argument supplied: repeat_penalty"}}
    stub.answers += [Answer(400, body=bad), Answer(text='{"name": "z"}'), Answer(text="plain")]
    b = backend(stub.url)
    assert b.chat(ChatRequest(MESSAGES, max_tokens=20, json_schema=SCHEMA)).text == '{"name": "z"}'
    assert b.chat(ChatRequest(MESSAGES, max_tokens=20)).text == "plain"
    second, third = stub.chats[1]["body"], stub.chats[2]["body"]
    assert "repeat_penalty" not in second and second["response_format"]["type"] == "json_schema"
    assert "repeat_penalty" not in third and "response_format" not in third


def test_a_server_that_takes_no_schema_gets_plain_requests(stub) -> None:
    bad = {"error": {"message": "response_format is not supported"}}
    stub.answers += [Answer(400, body=bad), Answer(400, body=bad), Answer(text='{"name": "z"}')]
    assert backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=20, json_schema=SCHEMA)).text == '{"name": "z"}'
    last = stub.chats[-1]["body"]
    assert "response_format" not in last and last["repeat_penalty"] == 1.0


def test_an_unrelated_validation_error_does_not_change_the_dialect(stub) -> None:
    """FastAPI echoes the whole request in a 422: only its location and message count."""
    echo = {"detail": [{"loc": ["body", "messages"], "msg": "Field required",
                        "input": {"response_format": {"type": "json_schema"}, "repeat_penalty": 1.0}}]}
    stub.answers += [Answer(422, body=echo)]
    b = backend(stub.url)
    with pytest.raises(BackendError, match=r"HTTP 422: body.messages: Field required\)$"):
        b.chat(ChatRequest(MESSAGES, max_tokens=20, json_schema=SCHEMA))
    assert len(stub.chats) == 1 and b._dialect == 0 and b._llama_fields


def test_server_errors_are_retried_with_backoff(stub) -> None:
    stub.answers += [Answer(500), Answer(502), Answer(text="fine")]
    sleeps: list[float] = []
    assert backend(stub.url, sleeps=sleeps).chat(ChatRequest(MESSAGES, max_tokens=5)).text == "fine"
    assert sleeps == [0.5, 1.0] and len(stub.chats) == 3


def test_retries_are_bounded_and_the_error_is_one_clear_line(stub) -> None:
    stub.answers += [Answer(503, body={"error": {"message": "loading model"}})] * 3
    with pytest.raises(BackendError) as info:
        backend(stub.url, retries=1).chat(ChatRequest(MESSAGES, max_tokens=5))
    assert len(stub.chats) == 2
    assert str(info.value) == f"the code model server at {stub.url} failed (HTTP 503: loading model)"


def test_client_errors_are_not_retried(stub) -> None:
    stub.answers += [Answer(400, body={"error": {"message": "prompt is longer than the context"}})]
    sleeps: list[float] = []
    with pytest.raises(BackendError, match="HTTP 400: prompt is longer"):
        backend(stub.url, sleeps=sleeps).chat(ChatRequest(MESSAGES, max_tokens=5))
    assert sleeps == [] and len(stub.chats) == 1


def test_a_connection_cut_mid_reply_is_retried(stub) -> None:
    stub.answers += [Answer(text="half of it", cut=True), Answer(text="all of it")]
    assert backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=5)).text == "all of it"


def test_server_down_is_a_clear_error_after_the_retries() -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    sleeps: list[float] = []
    with pytest.raises(BackendError) as info:
        backend(url, sleeps=sleeps).chat(ChatRequest(MESSAGES, max_tokens=5))
    assert sleeps == [0.5, 1.0]
    assert str(info.value) == (f"cannot reach the code model server at {url} (connection refused); "
                               "start the server, or fix the URL (from $DCX_CODE_MODEL_URL)")


def test_a_silent_server_times_out_without_retries(stub) -> None:
    stub.answers.append(Answer(text="late", delay=5.0))
    sleeps: list[float] = []
    with pytest.raises(BackendError, match=r"sent nothing for 1 s; .* raise http_timeout"):
        backend(stub.url, timeout=1.0, sleeps=sleeps).chat(ChatRequest(MESSAGES, max_tokens=5))
    assert len(stub.chats) == 1 and sleeps == []


def test_a_cut_that_keeps_happening_is_reported_as_such(stub) -> None:
    stub.answers += [Answer(text="half of it", cut=True)] * 2
    with pytest.raises(BackendError, match=r"broke off its reply \(2 tries\); see the server's log"):
        backend(stub.url, retries=1).chat(ChatRequest(MESSAGES, max_tokens=5))


@pytest.mark.parametrize("events", [
    [{"choices": {"delta": {"content": "a"}}}],
    [{"choices": [None]}],
    [{"choices": ["x"]}],
    ["not json"],
    ["[1, 2]"],
])
def test_odd_stream_events_are_a_clear_error(stub, events) -> None:
    stub.answers.append(Answer(events=events))
    with pytest.raises(BackendError, match="not in the OpenAI format"):
        backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=5))


def test_odd_but_harmless_fields_are_tolerated(stub) -> None:
    stub.answers.append(Answer(events=[
        {"choices": [{"delta": "a"}]},
        {"choices": [{"delta": {"content": [{"type": "text", "text": "parts"}]}}]},
        {"choices": [{"delta": {"content": 7}}]},
        {"choices": [], "usage": "x"},
        {"choices": [{"delta": {}, "finish_reason": "stop"}], "usage": {"prompt_tokens": None}},
    ]))
    done = backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=5))
    assert (done.text, done.prompt_tokens, done.completion_tokens) == ("parts", 0, 1)


def test_an_error_event_mid_stream_uses_its_code(stub) -> None:
    stub.answers.append(Answer(events=[
        {"choices": [{"delta": {"content": "a"}}]},
        {"error": {"code": 400, "message": "context length exceeded"}},
    ]))
    sleeps: list[float] = []
    with pytest.raises(BackendError, match=r"failed \(HTTP 400: context length exceeded\)"):
        backend(stub.url, sleeps=sleeps).chat(ChatRequest(MESSAGES, max_tokens=5))
    assert sleeps == []  # a client error is not retried


def test_a_reply_that_is_not_streamed_is_read_whole(stub) -> None:
    whole = {"choices": [{"message": {"content": "whole"}, "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 12, "completion_tokens": 1}}
    stub.answers.append(Answer(raw=json.dumps(whole).encode()))
    done = backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=5))
    assert (done.text, done.prompt_tokens) == ("whole", 12)


def test_a_stream_without_a_content_type_is_read_as_a_stream(stub) -> None:
    chunk = {"choices": [{"index": 0, "delta": {"content": "streamed"}, "finish_reason": "stop"}]}
    stub.answers.append(Answer(raw=b"data: " + json.dumps(chunk).encode() + b"\n\ndata: [DONE]\n\n",
                               content_type=None))
    assert backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=5)).text == "streamed"


def test_html_error_pages_and_redirects_give_one_line(stub) -> None:
    page = b"<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n"
    stub.answers.append(Answer(502, raw=page, content_type="text/html"))
    with pytest.raises(BackendError) as info:
        backend(stub.url, retries=0).chat(ChatRequest(MESSAGES, max_tokens=5))
    assert "\n" not in str(info.value) and "HTTP 502: <html> <head>" in str(info.value)
    moved = "https://example.invalid/v1/chat/completions"
    stub.answers.append(Answer(301, raw=b"", headers={"Location": moved}))
    with pytest.raises(BackendError, match=f"redirects to {moved}; use that URL"):
        backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=5))


def test_retry_after_is_honoured_within_a_limit(stub) -> None:
    stub.answers += [Answer(503, raw=b"{}", headers={"Retry-After": "7"}),
                     Answer(503, raw=b"{}", headers={"Retry-After": "3600"}), Answer(text="ok")]
    sleeps: list[float] = []
    assert backend(stub.url, sleeps=sleeps).chat(ChatRequest(MESSAGES, max_tokens=5)).text == "ok"
    assert sleeps == [7.0, 30.0]


def test_model_names_are_checked_against_the_server(stub) -> None:
    with pytest.raises(BackendError, match=r"has no model named 'big' \(it serves: stub-model\); "
                                           r"fix DCX_CODE_MODEL_NAME"):
        backend(stub.url, model="big").chat(ChatRequest(MESSAGES, max_tokens=5))
    stub.models = ["a", "b"]
    with pytest.raises(BackendError, match=r"serves several models \(a, b\); choose one with "
                                           r"DCX_CODE_MODEL_NAME"):
        backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=5))
    stub.answers.append(Answer(text="ok"))
    assert backend(stub.url, model="b").chat(ChatRequest(MESSAGES, max_tokens=5)).text == "ok"
    assert stub.chats[-1]["body"]["model"] == "b"


def test_a_server_without_a_model_list_needs_a_name(stub) -> None:
    stub.models = None
    with pytest.raises(BackendError, match=r"does not list its models at /models \(is the URL its /v1 "
                                           r"address\?\); name the model with DCX_CODE_MODEL_NAME$"):
        backend(stub.url).chat(ChatRequest(MESSAGES, max_tokens=5))
    stub.answers.append(Answer(text="ok"))
    assert backend(stub.url, model="qwen2.5-coder:1.5b").chat(ChatRequest(MESSAGES, max_tokens=5)).text == "ok"


def test_the_api_key_is_sent_and_never_shown(stub) -> None:
    secret = "sk-test-0123456789"
    stub.answers.append(Answer(401, body={"error": {"message": f"invalid api key {secret}"}}))
    b = backend(stub.url, key=secret, key_env="TEAM_KEY")
    with pytest.raises(BackendError) as info:
        b.chat(ChatRequest(MESSAGES, max_tokens=5))
    assert all(r["headers"].get("Authorization") == f"Bearer {secret}" for r in stub.requests)
    assert str(info.value).endswith("(HTTP 401: invalid api key ***); check the API key in $TEAM_KEY")
    assert secret not in repr(b.endpoint)
    stub.answers.append(Answer(401, body={"error": {"message": "a key is required"}}))
    with pytest.raises(BackendError, match=r"set the server's API key in \$TEAM_KEY$"):
        backend(stub.url, key_env="TEAM_KEY").chat(ChatRequest(MESSAGES, max_tokens=5))
    assert "Authorization" not in stub.requests[-1]["headers"]


# -- settings ---------------------------------------------------------------------------------


def test_api_keys_are_refused_in_config_files(tmp_path) -> None:
    (tmp_path / ".dcx.toml").write_text('code_model_url = "http://127.0.0.1:9/v1"\napi_key = "sk-1"\n')
    with pytest.raises(ConfigError, match="never reads API keys from config files"):
        load_settings(tmp_path, environ={})


@pytest.mark.parametrize("url", ["127.0.0.1:8000/v1", "http://[::1/v1", "ftp://host/v1", "http:///v1",
                                 "http://host:port/v1"])
def test_urls_must_be_http_with_a_host(tmp_path, url) -> None:
    with pytest.raises(ConfigError, match="code_model_url from \\$DCX_CODE_MODEL_URL must be an http"):
        load_settings(tmp_path, environ={"DCX_CODE_MODEL_URL": url})


def test_urls_must_not_hold_credentials_and_keys_must_fit_a_header(tmp_path) -> None:
    from dcx.models import resolve

    with pytest.raises(ConfigError, match="holds credentials"):
        load_settings(tmp_path, environ={"DCX_CODE_MODEL_URL": "https://me:sk-1@gpu.lan/v1"})
    settings = load_settings(tmp_path, environ={"DCX_CODE_MODEL_URL": "https://gpu.lan/v1"})
    with pytest.raises(ConfigError, match=r"the API key in \$DCX_API_KEY has characters"):
        resolve("code", settings, {"DCX_API_KEY": "sk-ключ"})
    with pytest.raises(ConfigError, match="http_timeout from .* must be a whole number from 1 to 86400, not '0'"):
        load_settings(tmp_path, environ={"DCX_HTTP_TIMEOUT": "0"})
    with pytest.raises(ConfigError, match="http_retries .* non-negative"):
        load_settings(tmp_path, environ={"DCX_HTTP_RETRIES": "-1"})


def test_each_role_is_configured_on_its_own(tmp_path) -> None:
    from dcx.models import ModelFile, resolve

    user = user_config_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text('code_model_url = "http://gpu.lan:8000/v1"\nallow_http_hosts = ["gpu.lan"]\n'
                    'code_model_name = "qwen-7b"\ncode_model_key_env = "TEAM_KEY"\n')
    settings = load_settings(tmp_path, environ={})
    code = resolve("code", settings, {"TEAM_KEY": "k1", "DCX_API_KEY": "other"})
    assert (code.url, code.model, code.api_key) == ("http://gpu.lan:8000/v1", "qwen-7b", "k1")
    assert isinstance(resolve("router", settings), ModelFile)  # the router stays in-process
    single = load_settings(tmp_path, {"dual_model_mode": False}, environ={})
    assert resolve("router", single, {}).url == "http://gpu.lan:8000/v1"  # the code model plans too


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
    assert done.stderr.strip() == (f"Error: the code model server at {stub.url} failed "
                                   "(HTTP 500: out of memory)")
    assert (repo / "calc.py").read_text() == CALC and git(repo, "status", "--porcelain") == ""


def test_models_shows_remote_roles(stub, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DCX_CODE_MODEL_URL", stub.url)
    monkeypatch.setenv("DCX_LANGUAGE_MODEL_URL", f"http://127.0.0.1:{closed_port()}/v1")
    monkeypatch.setenv("DCX_API_KEY", "sk-never-shown")
    done = CliRunner().invoke(main, ["models", "--json"], catch_exceptions=False)
    rows = {row["role"]: row for row in json.loads(done.stdout)}
    assert rows["code"]["reachable"] and rows["code"]["model"] == "stub-model" and rows["code"]["api_key"]
    assert rows["router"]["reachable"] is False and "connection refused" in rows["router"]["error"]
    text = CliRunner().invoke(main, ["models"], catch_exceptions=False).stdout
    assert f"stub-model on {stub.url}" in text and "NOT reachable" in text
    assert "sk-never-shown" not in text + done.stdout


def test_models_prints_no_control_sequence_a_server_names(stub, monkeypatch, tmp_path) -> None:
    # a server's model list is text dcx did not write: OSC 52 would set the clipboard
    stub.models = ["evil\x1b]52;c;ZXZpbA==\x07model\x1b[2J"]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DCX_CODE_MODEL_URL", stub.url)
    monkeypatch.setenv("DCX_CODE_MODEL_NAME", stub.models[0])
    text = CliRunner().invoke(main, ["models"], catch_exceptions=False).stdout
    assert "evil" in text and "model on" in text
    assert "\x1b" not in text and "\x07" not in text


def test_models_says_what_is_wrong_with_a_reachable_server(stub, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DCX_CODE_MODEL_URL", stub.url)
    monkeypatch.setenv("DCX_CODE_MODEL_NAME", "qwen-7b")
    rows = json.loads(CliRunner().invoke(main, ["models", "--json", "--single-model"]).stdout)
    assert [r["role"] for r in rows] == ["router", "code"]
    for row in rows:  # single-model mode: the code model's server plans too
        assert row["url"] == stub.url and row["reachable"]
        assert row["error"] == (f"the {row['role']} model server at {stub.url} has no model named "
                                "'qwen-7b' (it serves: stub-model); fix DCX_CODE_MODEL_NAME")


@contextmanager
def sigint_reaches_children() -> Iterator[None]:
    """Children started inside get Python's own SIGINT handling, whatever this test run inherited.
    A run started in the background by a non-interactive shell (`make test &` in a script, a CI
    step) has SIGINT ignored, and an ignored or blocked signal stays so across fork and exec: the
    dcx child would then never see the Ctrl-C at all. A handled signal is reset to its default in
    the child, where Python installs its KeyboardInterrupt handler."""
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    blocked = signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        signal.signal(signal.SIGINT, handler)


def catches_sigint(pid: int) -> bool | None:
    """Whether the process has a handler for SIGINT (Linux's /proc; None elsewhere)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    caught = re.search(r"^SigCgt:\s*([0-9a-f]+)$", status, re.MULTILINE)
    return None if caught is None else bool(int(caught.group(1), 16) >> (signal.SIGINT - 1) & 1)


def test_ctrl_c_while_a_reply_streams_cancels_and_writes_nothing(make_repo, stub) -> None:
    """The signal is sent once the server holds dcx's request (a real readiness signal, however
    long a loaded machine takes to start dcx), and dcx must exit long before the reply would come."""
    repo = make_repo({"calc.py": CALC})
    stub.answers.append(Answer(text=code_reply("def add(a, b):\n    return a + b"), delay=120))
    with sigint_reaches_children():
        run = subprocess.Popen([sys.executable, "-m", "dcx", "fix", "--apply", "add must add",
                                "calc.py"], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "DCX_CODE_MODEL_URL": stub.url})
    try:
        assert stub.posted.wait(timeout=120), "dcx never sent its request"
        assert catches_sigint(run.pid) is not False, "the dcx process does not handle SIGINT"
        started = time.monotonic()
        run.send_signal(signal.SIGINT)
        out, err = run.communicate(timeout=60)
    except (AssertionError, subprocess.TimeoutExpired):
        run.kill()
        print(run.communicate())
        raise
    assert time.monotonic() - started < 20  # not waiting for the reply
    assert run.returncode == 130 and err.strip() == "Error: interrupted; nothing was written"
    assert (repo / "calc.py").read_text() == CALC and git(repo, "status", "--porcelain") == ""
