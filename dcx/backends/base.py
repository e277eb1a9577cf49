"""The one small interface every model backend implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, Sequence

Message = dict[str, str]  # {"role": "system" | "user" | "assistant", "content": "..."}


@dataclass(frozen=True)
class Completion:
    text: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float
    finish_reason: str = "stop"


class Backend(Protocol):
    """A chat model. ``json_schema`` constrains the reply to JSON matching the schema.
    ``temperature`` 0 is greedy; above 0, ``seed`` makes the sampling repeatable."""

    name: str  # backend kind, e.g. "llama_cpp"
    model: str  # the model file or name, for reports

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        json_schema: dict[str, Any] | None = None,
        stop: Sequence[str] | None = None,
        temperature: float = 0.0,
        seed: int = 0,
    ) -> Completion: ...
