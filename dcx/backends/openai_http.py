"""Models served over HTTP by an OpenAI-compatible engine (llama-server, llama-cpp-python's
server, vLLM, Ollama): streamed chat completions with httpx, imported on first use only."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

from dcx.backends.base import Completion, Message
from dcx.errors import BackendError

CONNECT_TIMEOUT = 10.0
BACKOFF = 0.5  # seconds before the first retry; doubled each time

# How a JSON schema is asked for, most standard first. OpenAI, vLLM, Ollama and llama-server take
# "json_schema"; llama-cpp-python's server takes only "json_object" with a "schema" (and answers
# any other type with HTTP 500). The last dialect sends plain OpenAI fields only: the reply is
# then parsed tolerantly and validated by the caller, as the tool loop always does.
DIALECTS = ("json_schema", "json_object", "plain")


@dataclass(frozen=True)
class Endpoint:
    role: str  # "language" or "code"
    url: str  # base URL ending in /v1
    model: str | None  # model name on the server; None: the one it serves
    api_key: str | None
    url_origin: str  # where the URL came from, for messages ("$DCX_CODE_MODEL_URL", a file)
    timeout: float  # seconds to wait for the next bytes of a reply
    retries: int  # extra tries after a connection error or a 5xx answer


class ServerError(BackendError):
    """The server answered with an HTTP error."""

    def __init__(self, message: str, status: int, body: str) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


class OpenAIHTTPBackend:
    name = "openai"

    def __init__(self, endpoint: Endpoint, on_tokens: Callable[[str, int], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.endpoint = endpoint
        self.model = endpoint.model or "(the server's model)"
        self._on_tokens = on_tokens  # (role, tokens so far) while a reply streams in
        self._sleep = sleep
        self._client: Any = None
        self._resolved = False
        self._dialect = 0  # index into DIALECTS: the first one the server accepted

    # -- connection -------------------------------------------------------------------------

    def _http(self) -> Any:
        if self._client is None:
            import httpx

            headers = {"Authorization": f"Bearer {self.endpoint.api_key}"} if self.endpoint.api_key else {}
            self._client = httpx.Client(
                base_url=self.endpoint.url.rstrip("/") + "/",
                headers=headers,
                timeout=httpx.Timeout(self.endpoint.timeout, connect=CONNECT_TIMEOUT),
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _where(self) -> str:
        return f"the {self.endpoint.role} model server at {self.endpoint.url}"

    def _unreachable(self, exc: Exception) -> BackendError:
        return BackendError(
            f"cannot reach {self._where()} ({_reason(exc)}); start the server, or fix the URL "
            f"(from {self.endpoint.url_origin})")

    def _with_retries(self, send: Callable[[], Any]) -> Any:
        """``send()`` again after connection errors and 5xx answers, with backoff."""
        import httpx

        for attempt in range(self.endpoint.retries + 1):
            try:
                return send()
            except httpx.TimeoutException as exc:
                if isinstance(exc, httpx.ConnectTimeout) and attempt < self.endpoint.retries:
                    self._sleep(BACKOFF * 2 ** attempt)
                    continue
                if isinstance(exc, httpx.ConnectTimeout):
                    raise self._unreachable(exc) from None
                raise BackendError(
                    f"{self._where()} sent nothing for {self.endpoint.timeout:g} s; it may be "
                    "overloaded: raise http_timeout (DCX_HTTP_TIMEOUT) or use a faster server") from None
            except (httpx.TransportError, ServerError) as exc:
                retry = not isinstance(exc, ServerError) or (exc.status >= 500 and not _rejects_format(exc))
                if retry and attempt < self.endpoint.retries:
                    self._sleep(BACKOFF * 2 ** attempt)
                    continue
                if isinstance(exc, ServerError):
                    raise
                raise self._unreachable(exc) from None
        raise AssertionError("unreachable")

    # -- the model list: reachability and the model's name ----------------------------------

    def served_models(self) -> list[str] | None:
        """The model names the server lists at /models (None: it has no such list)."""

        def send() -> list[str] | None:
            response = self._http().get("models")
            if response.status_code == 404:
                return None
            _raise_for(response, self._where(), response.text)
            try:
                return [str(m["id"]) for m in response.json()["data"]]
            except (ValueError, KeyError, TypeError):
                raise BackendError(f"{self._where()} sent a model list that is not the OpenAI "
                                   "format; is the URL the server's /v1 address?") from None

        return self._with_retries(send)

    def _resolve_model(self) -> None:
        if self._resolved:
            return
        offered = self.served_models()
        name = self.endpoint.model
        setting = f"DCX_{self.endpoint.role.upper()}_MODEL_NAME"
        if offered is not None:
            if name is None:
                if not offered:
                    raise BackendError(f"{self._where()} serves no model; load one into it")
                if len(offered) > 1:
                    raise BackendError(f"{self._where()} serves several models ({', '.join(offered)}); "
                                       f"choose one with {setting}")
                self.model = offered[0]
            elif name not in offered:
                raise BackendError(f"{self._where()} has no model named {name!r} (it serves: "
                                   f"{', '.join(offered) or 'nothing'}); fix {setting}")
        elif name is None:
            raise BackendError(f"{self._where()} does not list its models; name the model with {setting}")
        self._resolved = True

    # -- chat ---------------------------------------------------------------------------------

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        json_schema: dict[str, Any] | None = None,
        stop: Sequence[str] | None = None,
        temperature: float = 0.0,
        seed: int = 0,
    ) -> Completion:
        self._resolve_model()
        while True:
            body = self._body(messages, max_tokens, json_schema, stop, temperature, seed,
                              DIALECTS[self._dialect])
            try:
                return self._with_retries(lambda: self._stream(body))
            except ServerError as exc:
                if self._dialect + 1 < len(DIALECTS) and _rejects_format(exc):
                    # The server does not take this way of asking for JSON (next dialect), or,
                    # asked for no JSON, llama.cpp's sampler fields (plain OpenAI fields only).
                    self._dialect = self._dialect + 1 if json_schema else len(DIALECTS) - 1
                    continue
                raise

    def _body(self, messages: Sequence[Message], max_tokens: int, json_schema: dict[str, Any] | None,
              stop: Sequence[str] | None, temperature: float, seed: int, dialect: str) -> dict[str, Any]:
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
        if dialect != "plain":
            # llama.cpp's samplers, as the in-process backend sets them, so both give the same
            # reply at temperature 0 (llama-cpp-python's server defaults repeat_penalty to 1.1).
            body["repeat_penalty"] = 1.0
            if temperature > 0:
                body["top_k"] = 20
        if json_schema and dialect == "json_schema":
            body["response_format"] = {"type": "json_schema",
                                       "json_schema": {"name": "tool_call", "schema": json_schema}}
        elif json_schema and dialect == "json_object":
            body["response_format"] = {"type": "json_object", "schema": json_schema}
        return {k: v for k, v in body.items() if v is not None}

    def _stream(self, body: dict[str, Any]) -> Completion:
        started = time.monotonic()
        first_token = 0.0
        parts: list[str] = []
        chunks = 0
        usage: dict[str, Any] = {}
        finish = ""
        ended = False  # "data: [DONE]" arrived
        with self._http().stream("POST", "chat/completions", json=body) as response:
            if response.status_code >= 400:
                text = response.read().decode("utf-8", "replace")
                _raise_for(response, self._where(), text)
            for event in _events(response.iter_lines()):
                if event is DONE:
                    ended = True
                    break
                if event.get("error"):
                    raise ServerError(f"{self._where()} failed: {_message(event)}", 500, json.dumps(event))
                if event.get("usage"):
                    usage = event["usage"]
                for choice in event.get("choices") or []:
                    content = (choice.get("delta") or {}).get("content")
                    if content:
                        if not parts:
                            first_token = time.monotonic()
                        parts.append(content)
                        chunks += 1
                        if self._on_tokens:
                            self._on_tokens(self.endpoint.role, chunks)
                    if choice.get("finish_reason"):
                        finish = choice["finish_reason"]
            if not ended and not finish:
                import httpx

                # The connection closed mid-reply (the server died or a proxy cut it): a
                # transport error, retried like one, never taken for a whole reply.
                raise httpx.RemoteProtocolError("the reply stream ended before it was complete")
        seconds = time.monotonic() - started
        first_token = first_token or time.monotonic()
        return Completion(
            text="".join(parts),
            # Servers that do not report usage while streaming (llama-cpp-python's) send one
            # chunk per token; the prompt's size is then unknown (0).
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", chunks)),
            seconds=seconds,
            finish_reason=finish or "stop",
            prompt_seconds=first_token - started,
            generation_seconds=max(0.0, started + seconds - first_token),
        )


DONE: dict[str, Any] = {}  # what _events yields for "data: [DONE]"


def _events(lines: Iterator[str]) -> Iterator[dict[str, Any]]:
    """The JSON events of a server-sent event stream, then DONE if the stream said so."""
    for line in lines:
        if not line.startswith("data:"):
            continue  # blank separators, comments, "event:" lines
        data = line[5:].strip()
        if data == "[DONE]":
            yield DONE
            return
        try:
            event = json.loads(data)
        except ValueError:
            raise BackendError(f"the server sent a stream event that is not JSON: {data[:80]!r}") from None
        if isinstance(event, dict):
            yield event


def _raise_for(response: Any, where: str, text: str) -> None:
    status = response.status_code
    if status < 400:
        return
    try:
        detail = _message(json.loads(text))
    except ValueError:
        detail = text.strip()[:200]
    if status in (401, 403):
        message = (f"{where} refused the request (HTTP {status}: {detail}); set its API key in the "
                   "environment variable named by language_model_key_env / code_model_key_env "
                   "(default DCX_API_KEY)")
    elif status == 404:
        message = (f"{where} answered HTTP 404 ({detail}); check the URL (it must end in /v1) and "
                   "the model name")
    else:
        message = f"{where} failed (HTTP {status}: {detail})"
    raise ServerError(message, status, text)


def _message(payload: Any) -> str:
    if isinstance(payload, dict):
        error = payload.get("error", payload)
        if isinstance(error, dict):
            error = error.get("message") or error.get("detail") or error
        elif "detail" in payload:
            error = payload["detail"]
        return " ".join(str(error).split())[:300]
    return str(payload)[:300]


def _rejects_format(exc: ServerError) -> bool:
    """The server refused how the request asked for JSON, or llama.cpp's sampler fields (not
    the request as a whole: a prompt too long for its context is not this)."""
    body = exc.body.lower()
    return exc.status in (400, 422, 500) and any(
        field in body for field in ("response_format", "json_schema", "repeat_penalty", "top_k"))


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    if "Connection refused" in text or "ECONNREFUSED" in text:
        return "connection refused"
    return text[:120] or type(exc).__name__
