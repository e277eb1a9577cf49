"""A scripted fake model for tests: replies come from a queue, requests are kept in ``history``."""

from __future__ import annotations

import json
from typing import Any, Sequence

from dcx.backends.base import Completion, Message
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
        self.history.append(
            {"messages": [dict(m) for m in messages], "max_tokens": max_tokens,
             "json_schema": json_schema, "stop": list(stop or []), "temperature": temperature,
             "seed": seed}
        )
        if not self._queue:
            raise BackendError(f"the fake model {self.model!r} has no scripted reply left")
        text = self._queue.pop(0)
        prompt_tokens = sum(len(m["content"]) for m in messages) // 4
        return Completion(text, prompt_tokens, max(1, len(text) // 4), 0.0)


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
