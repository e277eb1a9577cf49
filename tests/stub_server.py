"""A scripted OpenAI-compatible HTTP server on 127.0.0.1 for the HTTP backend's unit tests:
each POST to /v1/chat/completions takes the next scripted answer; GET /v1/models lists models."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    text: str = ""  # streamed as one chunk per word
    body: Any = None  # for an error status: the JSON body
    delay: float = 0.0  # seconds before answering
    usage: dict | None = None  # sent in a final chunk, as servers with include_usage do
    cut: bool = False  # drop the connection after the first chunk
    events: list | None = None  # stream these JSON events (or raw "data:" strings) instead of text
    raw: bytes | None = None  # send this body as it is, with ``content_type`` and ``headers``
    content_type: str | None = "application/json"  # None: no Content-Type header
    headers: dict = field(default_factory=dict)


@dataclass
class StubServer:
    models: list[str] | None = field(default_factory=lambda: ["stub-model"])
    answers: list[Answer] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    posted: threading.Event = field(default_factory=threading.Event)  # a chat request came in

    def start(self) -> "StubServer":
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, status: int, payload: Any) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                stub.requests.append({"method": "GET", "path": self.path,
                                      "headers": dict(self.headers)})
                if self.path != "/v1/models" or stub.models is None:
                    self._json(404, {"detail": "Not Found"})
                    return
                self._json(200, {"object": "list", "data": [{"id": m} for m in stub.models]})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                stub.requests.append({"method": "POST", "path": self.path, "body": body,
                                      "headers": dict(self.headers)})
                stub.posted.set()
                answer = (stub.answers.pop(0) if stub.answers
                          else Answer(500, body={"error": {"message": "no scripted answer"}}))
                if stub.stopping.wait(answer.delay):
                    return  # the test is over
                if answer.raw is not None:
                    self.send_response(answer.status)
                    if answer.content_type is not None:
                        self.send_header("Content-Type", answer.content_type)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.raw)))
                    self.end_headers()
                    self.wfile.write(answer.raw)
                    return
                if answer.status != 200:
                    self._json(answer.status, answer.body or {"error": {"message": "scripted failure"}})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                if answer.events is not None:
                    for event in answer.events:
                        if isinstance(event, str):
                            self.wfile.write(f"data: {event}\n\n".encode())
                        else:
                            self._event(event)
                    self.wfile.write(b"data: [DONE]\n\n")
                    return
                words = answer.text.split(" ")
                for index, word in enumerate(words):
                    piece = word if index == 0 else " " + word
                    self._event({"choices": [{"index": 0, "delta": {"content": piece},
                                              "finish_reason": None}]})
                    if answer.cut:
                        self.wfile.flush()
                        self.connection.close()
                        return
                self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
                if answer.usage:
                    self._event({"choices": [], "usage": answer.usage})
                self.wfile.write(b"data: [DONE]\n\n")

            def _event(self, payload: Any) -> None:
                self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
                self.wfile.flush()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    @property
    def chats(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] == "POST"]
