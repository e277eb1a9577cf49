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
    # What the engine really did, when it says: prompt tokens evaluated (the rest came from its
    # cache of the previous prompt's prefix; -1: unknown, all of them), and the seconds spent
    # evaluating the prompt and generating.
    prompt_evaluated: int = -1
    prompt_seconds: float = 0.0
    generation_seconds: float = 0.0

    @property
    def evaluated(self) -> int:
        return self.prompt_tokens if self.prompt_evaluated < 0 else self.prompt_evaluated


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
