"""A backend wrapper that keeps every reply, so a real run can be replayed by the fake backend."""

from __future__ import annotations

from typing import Any, Sequence

from dcx.backends.base import Backend, Completion, Message


class RecordingBackend:
    def __init__(self, inner: Backend) -> None:
        self.inner = inner
        self.name = inner.name
        self.model = inner.model
        self.replies: list[str] = []

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
        completion = self.inner.chat(messages, max_tokens=max_tokens, json_schema=json_schema,
                                     stop=stop, temperature=temperature, seed=seed)
        self.replies.append(completion.text)
        return completion
