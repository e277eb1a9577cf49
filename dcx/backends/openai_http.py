"""Models served over HTTP by an OpenAI-compatible engine (llama-server, llama-cpp-python's
server, vLLM, Ollama): streamed chat completions with httpx, imported on first use only."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterator, Sequence

from dcx.backends.base import ChatRequest, Completion, Message, Watcher
from dcx.errors import BackendError
from dcx.progress import Reporter, Silent

CONNECT_TIMEOUT = 10.0
BACKOFF = 0.5  # seconds before the first retry; doubled each time
MAX_RETRY_AFTER = 30.0  # the longest a server's Retry-After is honoured

# How a JSON schema is asked for, most standard first. OpenAI, vLLM, Ollama and llama-server take
# "json_schema"; llama-cpp-python's server takes only "json_object" with a "schema" (and answers
# any other type with HTTP 500). "plain" asks for no format: the reply is then parsed tolerantly
# and validated by the caller, as the tool loop always does.
DIALECTS = ("json_schema", "json_object", "plain")


@dataclass(frozen=True)
class Endpoint:
    role: str  # "router" or "code"
    url: str  # base URL ending in /v1
    model: str | None  # model name on the server; None: the one it serves
    api_key: str | None = field(repr=False)
    key_env: str  # the environment variable the key comes from, for messages
    url_origin: str  # where the URL came from, for messages ("$DCX_CODE_MODEL_URL", a file)
    name_setting: str  # the environment variable that names the model, for messages
    timeout: float  # seconds to wait for the next bytes of a reply
    retries: int  # extra tries after a connection error, a cut reply or a 5xx answer
    key_withheld: bool = False  # the URL is only a repository config's: no API key is sent to it

    @property
    def where(self) -> str:
        return f"the {self.role} model server at {self.url}"


class ServerError(BackendError):
    """The server answered with an HTTP error; ``detail`` is its own message, on one line."""

    def __init__(self, message: str, status: int, detail: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.status >= 500 and _refused_field(self) is None


class _CutOff(Exception):
    """The reply stream ended before the server said it was complete."""


class OpenAIHTTPBackend:
    name = "openai"

    def __init__(self, endpoint: Endpoint, reporter: Reporter | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.endpoint = endpoint
        self.model = endpoint.model or "(the model the server serves)"
        self._reporter = reporter or Silent()
        self._sleep = sleep
        self._client: Any = None
        self._resolved = False
        self._dialect = 0  # index into DIALECTS: the first way of asking for JSON the server took
        self._llama_fields = True  # llama.cpp's sampler fields, until the server refuses them

    # -- connection -------------------------------------------------------------------------

    def _http(self) -> Any:
        if self._client is None:
            import httpx

            key = self.endpoint.api_key
            try:
                self._client = httpx.Client(
                    base_url=self.endpoint.url.rstrip("/") + "/",
                    headers={"Authorization": f"Bearer {key}"} if key else {},
                    timeout=httpx.Timeout(self.endpoint.timeout, connect=CONNECT_TIMEOUT),
                )
            except (ImportError, ValueError, httpx.InvalidURL) as exc:  # e.g. a socks proxy, unusable
                raise BackendError(f"cannot set up HTTP for {self.endpoint.where}: "
                                   f"{_one_line(str(exc))}") from None
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _with_retries(self, send: Callable[[], Any]) -> Any:
        """``send()``, again after connection errors, cut replies and 5xx answers, with backoff."""
        import httpx

        where = self.endpoint.where
        attempt = 0
        while True:
            try:
                return send()
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError,
                    httpx.ReadError, _CutOff, ServerError) as exc:
                if isinstance(exc, ServerError) and not exc.retryable:
                    raise
                if attempt >= self.endpoint.retries:
                    raise self._failure(exc) from None
                delay = BACKOFF * 2 ** attempt
                if isinstance(exc, ServerError) and exc.retry_after is not None:
                    delay = max(delay, min(exc.retry_after, MAX_RETRY_AFTER))
                self._sleep(delay)
                attempt += 1
            except httpx.ReadTimeout:
                raise BackendError(
                    f"{where} sent nothing for {self.endpoint.timeout:g} s; it may be overloaded: "
                    "raise http_timeout (DCX_HTTP_TIMEOUT) or use a faster server") from None
            except httpx.HTTPError as exc:  # other timeouts, bad encodings, proxies, ...
                raise BackendError(f"talking to {where} failed ({_one_line(str(exc)) or type(exc).__name__})"
                                   ) from None

    def _failure(self, exc: Exception) -> BackendError:
        tries = self.endpoint.retries + 1
        if isinstance(exc, ServerError):
            return exc
        import httpx

        if isinstance(exc, (_CutOff, httpx.RemoteProtocolError, httpx.ReadError)):
            return BackendError(f"{self.endpoint.where} broke off its reply ({tries} tries); see "
                                "the server's log")
        return BackendError(f"cannot reach {self.endpoint.where} ({_reason(exc)}); start the server, "
                            f"or fix the URL (from {self.endpoint.url_origin})")

    # -- the model list: reachability and the model's name ----------------------------------

    def served_models(self) -> list[str] | None:
        """The model names the server lists at /models (None: it has no such list)."""

        def send() -> list[str] | None:
            response = self._http().get("models")
            if response.status_code == 404:
                return None
            self._raise_for(response, response.text)
            try:
                return [str(m["id"]) for m in response.json()["data"]]
            except (ValueError, KeyError, TypeError):
                raise BackendError(f"{self.endpoint.where} sent a model list that is not the OpenAI "
                                   "format; is the URL the server's /v1 address?") from None

        return self._with_retries(send)

    def _resolve_model(self) -> None:
        if not self._resolved:
            self.model = model_to_use(self.endpoint, self.served_models())
            self._resolved = True

    # -- chat ---------------------------------------------------------------------------------

    def describe(self) -> dict[str, str]:
        return {"backend": self.name, "model": self.model, "url": self.endpoint.url}

    def chat(self, request: ChatRequest, watch: Watcher | None = None) -> Completion:
        self._resolve_model()
        json_schema = dict(request.json_schema) if request.json_schema else None
        while True:
            body = self._body(request.messages, request.max_tokens, json_schema, request.stop,
                              request.temperature, request.seed)
            try:
                return self._with_retries(lambda body=body: self._stream(body, watch))
            except ServerError as exc:
                refused = _refused_field(exc)
                if refused == "sampler" and self._llama_fields:
                    self._llama_fields = False  # a strict server: plain OpenAI sampling fields
                elif refused == "format" and json_schema and self._dialect + 1 < len(DIALECTS):
                    self._dialect += 1  # the server does not take this way of asking for JSON
                else:
                    raise

    def _body(self, messages: Sequence[Message], max_tokens: int, json_schema: dict[str, Any] | None,
              stop: Sequence[str] | None, temperature: float, seed: int) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [dict(m) for m in messages],
            "max_tokens": max_tokens,
            "temperature": temperature,
            "top_p": 0.8 if temperature > 0 else 1.0,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if stop:
            body["stop"] = list(stop)
        if temperature > 0:
            body["seed"] = seed
        if self._llama_fields:
            # llama.cpp's samplers as the in-process backend sets them, so a llama.cpp server
            # gives the same reply (llama-cpp-python's server defaults repeat_penalty to 1.1).
            body["repeat_penalty"] = 1.0
            if temperature > 0:
                body["top_k"] = 20
        dialect = DIALECTS[self._dialect]
        if json_schema and dialect == "json_schema":
            body["response_format"] = {"type": "json_schema",
                                       "json_schema": {"name": "tool_call", "schema": json_schema}}
        elif json_schema and dialect == "json_object":
            body["response_format"] = {"type": "json_object", "schema": json_schema}
        return body

    def _stream(self, body: dict[str, Any], watch: Watcher | None = None) -> Completion:
        started = time.monotonic()
        first_token = 0.0
        parts: list[str] = []
        usage: dict[str, Any] = {}
        finish = ""
        ended = False
        role = self.endpoint.role
        try:
            with self._http().stream("POST", "chat/completions", json=body) as response:
                if response.status_code >= 300:
                    self._raise_for(response, response.read().decode("utf-8", "replace"))
                if "text/event-stream" not in response.headers.get("content-type", "text/event-stream"):
                    # A server or proxy that ignored "stream": one whole JSON reply.
                    events: Iterator[Any] = iter([_json(response.read().decode("utf-8", "replace"),
                                                        self.endpoint.where), DONE])
                else:
                    events = _events(response.iter_lines(), self.endpoint.where)
                for event in events:
                    if event is DONE:
                        ended = True
                        break
                    self._raise_for_event(event)
                    usage = event.get("usage") if isinstance(event.get("usage"), dict) else usage
                    for text, reason in _choices(event, self.endpoint.where):
                        if text:
                            if not parts:
                                first_token = time.monotonic()
                                self._reporter.stage(f"{role} model: first token after "
                                                     f"{first_token - started:.1f}s")
                            parts.append(text)
                            self._reporter.tokens(role, len(parts))
                            if watch is not None and watch(text):
                                finish = "stopped"
                                break
                        finish = reason or finish
                    if finish == "stopped":
                        break
        finally:
            self._reporter.end_line()
        if not ended and not finish:
            # The connection closed mid-reply (the server died, a proxy cut it): retried like
            # a connection error, never taken for a whole reply.
            raise _CutOff()
        seconds = time.monotonic() - started
        first_token = first_token or time.monotonic()
        return Completion(
            text="".join(parts),
            # Servers that do not report usage while streaming (llama-cpp-python's) send one
            # chunk per token; the prompt's size is then unknown (0).
            prompt_tokens=_count(usage, "prompt_tokens", 0),
            completion_tokens=_count(usage, "completion_tokens", len(parts)),
            seconds=seconds,
            finish_reason=finish or "stop",
            prompt_seconds=first_token - started,
            generation_seconds=max(0.0, started + seconds - first_token),
        )

    # -- the server's errors ----------------------------------------------------------------

    def _raise_for(self, response: Any, text: str) -> None:
        status = response.status_code
        if status < 300:
            return
        where = self.endpoint.where
        if status < 400:
            raise ServerError(f"{where} redirects to {response.headers.get('location', '?')}; "
                              "use that URL", status, "")
        detail = self._redacted(_message(_json_or_text(text)))
        retry_after = _seconds(response.headers.get("retry-after"))
        if status in (401, 403):
            key = self.endpoint.key_env
            if self.endpoint.key_withheld:
                advice = (f"dcx sends no API key to a URL that only {self.endpoint.url_origin} "
                          "names; set the URL in your own config or environment to send it")
            elif not self.endpoint.api_key:
                advice = f"set the server's API key in ${key}"
            else:
                advice = f"check the API key in ${key}"
            message = f"{where} refused the request (HTTP {status}: {detail}); {advice}"
        elif status == 404:
            message = (f"{where} answered HTTP 404 ({detail}); check the URL (it must end in /v1) "
                       f"and the model name ({self.endpoint.name_setting})")
        else:
            message = f"{where} failed (HTTP {status}: {detail})"
        raise ServerError(message, status, detail, retry_after)

    def _raise_for_event(self, event: dict[str, Any]) -> None:
        error = event.get("error")
        if not error:
            return
        code = error.get("code") if isinstance(error, dict) else None
        status = code if isinstance(code, int) and 400 <= code < 600 else 500
        detail = self._redacted(_message(event))
        raise ServerError(f"{self.endpoint.where} failed (HTTP {status}: {detail})", status, detail)

    def _redacted(self, text: str) -> str:
        key = self.endpoint.api_key
        return text.replace(key, "***") if key else text


def model_to_use(endpoint: Endpoint, offered: list[str] | None) -> str:
    """The model name to send: the configured one, checked against what the server lists, or
    the one model it serves."""
    name = endpoint.model
    where, setting = endpoint.where, endpoint.name_setting
    if offered is None:
        if name is None:
            raise BackendError(f"{where} does not list its models at /models (is the URL its /v1 "
                               f"address?); name the model with {setting}")
        return name
    if name is None:
        if len(offered) == 1:
            return offered[0]
        if not offered:
            raise BackendError(f"{where} serves no model; load one into it")
        raise BackendError(f"{where} serves several models ({', '.join(offered)}); "
                           f"choose one with {setting}")
    if name in offered:
        return name
    if f"{name}:latest" in offered:  # Ollama's default tag
        return f"{name}:latest"
    raise BackendError(f"{where} has no model named {name!r} (it serves: "
                       f"{', '.join(offered) or 'nothing'}); fix {setting}")


def probe(endpoint: Endpoint, timeout: float = 5.0) -> tuple[list[str] | None, BackendError | None, bool]:
    """Ask the server once for its models: (the list, the error, whether it answered at all)."""
    backend = OpenAIHTTPBackend(replace(endpoint, timeout=timeout, retries=0))
    try:
        return backend.served_models(), None, True
    except ServerError as exc:
        return None, exc, True
    except BackendError as exc:
        return None, exc, False
    finally:
        backend.close()


DONE: Any = object()  # what _events yields for "data: [DONE]"


def _events(lines: Iterator[str], where: str) -> Iterator[Any]:
    """The JSON objects of a server-sent event stream, then DONE if the stream said so."""
    for line in lines:
        if not line.startswith("data:"):
            continue  # blank separators, comments, "event:" lines
        data = line[5:].strip()
        if data == "[DONE]":
            yield DONE
            return
        yield _json(data, where)


def _json(data: str, where: str) -> dict[str, Any]:
    try:
        event = json.loads(data)
    except ValueError:
        event = None
    if not isinstance(event, dict):
        raise BackendError(f"{where} sent a reply that is not in the OpenAI format: "
                           f"{_one_line(data)[:80]!r}")
    return event


def _choices(event: dict[str, Any], where: str) -> Iterator[tuple[str, str]]:
    """(text, finish reason) of each choice in a streamed chunk, or in a whole reply."""
    choices = event.get("choices") or []
    if not isinstance(choices, list):
        raise BackendError(f"{where} sent choices that are not in the OpenAI format: "
                           f"{_one_line(str(choices))[:80]!r}")
    for choice in choices:
        if not isinstance(choice, dict):
            raise BackendError(f"{where} sent a choice that is not in the OpenAI format: "
                               f"{_one_line(str(choice))[:80]!r}")
        delta = choice.get("delta") or choice.get("message") or {}
        content = delta.get("content") if isinstance(delta, dict) else None
        if isinstance(content, list):  # content parts
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        reason = choice.get("finish_reason")
        yield (content if isinstance(content, str) else ""), (reason if isinstance(reason, str) else "")


def _count(usage: dict[str, Any], key: str, default: int) -> int:
    value = usage.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _message(payload: Any) -> str:
    """The server's own error message, on one line: OpenAI's {"error": {"message"}}, FastAPI's
    {"detail": ...} (a validation error's location and message, never its echo of the input)."""
    if isinstance(payload, dict):
        error = payload.get("error", payload.get("detail", payload))
        if isinstance(error, dict):
            error = error.get("message") or error.get("detail") or error
        if isinstance(error, list):
            error = "; ".join(
                f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg', '')}" if isinstance(e, dict)
                else str(e) for e in error)
        payload = error
    text = _one_line(str(payload)) if payload not in (None, "") else ""
    return text[:300] or "no message"


def _refused_field(exc: ServerError) -> str | None:
    """Which of dcx's optional fields the server's message says it refused: "sampler" (llama.cpp's
    repeat_penalty, top_k), "format" (response_format), or None (the request as a whole)."""
    if exc.status not in (400, 422, 500):
        return None
    detail = exc.detail.lower()
    if "repeat_penalty" in detail or "top_k" in detail:
        return "sampler"
    if "response_format" in detail or "json_schema" in detail:
        return "format"
    return None


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _reason(exc: Exception) -> str:
    text = _one_line(str(exc))
    if "Connection refused" in text or "ECONNREFUSED" in text:
        return "connection refused"
    return text[:120] or type(exc).__name__
