"""A backend wrapper that keeps every reply, so a real run can be replayed by a scripted one."""

from __future__ import annotations

from dcx.backends.base import Backend, ChatRequest, Completion, Watcher


class RecordingBackend:
    def __init__(self, inner: Backend) -> None:
        self.inner = inner
        self.name = inner.name
        self.model = inner.model
        self.replies: list[str] = []

    def describe(self) -> dict[str, str]:
        return self.inner.describe()

    def chat(self, request: ChatRequest, watch: Watcher | None = None) -> Completion:
        completion = self.inner.chat(request, watch)
        self.replies.append(completion.text)
        return completion
