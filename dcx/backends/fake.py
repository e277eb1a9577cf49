"""A scripted fake model for tests: replies come from a queue, requests are kept in ``history``."""

from __future__ import annotations

import json
from typing import Any, Sequence

from dcx.backends.base import ChatRequest, Completion, Watcher
from dcx.errors import BackendError


class FakeBackend:
    name = "fake"

    def __init__(self, replies: Sequence[str] = (), model: str = "fake") -> None:
        self.model = model
        self._queue: list[str] = list(replies)
        self.history: list[dict[str, Any]] = []

    def enqueue(self, *replies: str | dict) -> "FakeBackend":
        for reply in replies:
            self._queue.append(reply if isinstance(reply, str) else json.dumps(reply))
        return self

    @property
    def pending(self) -> int:
        return len(self._queue)

    def describe(self) -> dict[str, str]:
        return {"backend": self.name, "model": self.model}

    def chat(self, request: ChatRequest, watch: Watcher | None = None) -> Completion:
        self.history.append(
            {"messages": [dict(m) for m in request.messages], "max_tokens": request.max_tokens,
             "json_schema": request.json_schema, "stop": list(request.stop),
             "temperature": request.temperature, "seed": request.seed}
        )
        if not self._queue:
            raise BackendError(f"the fake model {self.model!r} has no scripted reply left")
        text = self._queue.pop(0)
        finish = "stop"
        if watch is not None:  # streamed line by line, as a model would write it
            shown = []
            for piece in text.splitlines(keepends=True):
                shown.append(piece)
                if watch(piece):
                    text, finish = "".join(shown), "stopped"
                    break
        prompt_tokens = sum(len(m["content"]) for m in request.messages) // 4
        return Completion(text, prompt_tokens, max(1, len(text) // 4), 0.0, finish)


def load_script(path: str) -> dict[str, list[str]]:
    """Read a fake-model script: {"router": [...], "code": [...]} or {"single": [...]}."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise BackendError(f"cannot read the fake model script {path}: {exc}") from None
    if not isinstance(data, dict):
        raise BackendError(f"the fake model script {path} must hold a JSON object of reply lists")
    return {
        role: [r if isinstance(r, str) else json.dumps(r) for r in replies]
        for role, replies in data.items()
    }
