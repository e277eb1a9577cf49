"""The one small interface every model backend implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Protocol

Message = dict[str, str]  # {"role": "system" | "user" | "assistant", "content": "..."}

# Called with each new piece of a reply while it is generated; returning True stops the
# generation there (the reply so far is kept, with finish_reason "stopped").
Watcher = Callable[[str], bool]


@dataclass(frozen=True)
class ChatRequest:
    """One chat call. ``json_schema`` constrains the reply to JSON matching the schema;
    ``temperature`` 0 is greedy; above 0, ``seed`` makes the sampling repeatable;
    ``probabilities`` asks for each generated token's probability (Completion.tokens)."""

    messages: tuple[Message, ...]
    max_tokens: int
    json_schema: Mapping[str, Any] | None = None
    stop: tuple[str, ...] = ()
    temperature: float = 0.0
    seed: int = 0
    probabilities: bool = False


@dataclass(frozen=True)
class Completion:
    text: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float
    finish_reason: str = "stop"  # "stop", "length", or "stopped" (by the watcher)
    # What the engine really did, when it says: prompt tokens evaluated (the rest came from its
    # cache of the previous prompt's prefix; -1: unknown, all of them), and the seconds spent
    # evaluating the prompt and generating.
    prompt_evaluated: int = -1
    prompt_seconds: float = 0.0
    generation_seconds: float = 0.0
    # When asked for and the engine can say: each generated token's text and the probability the
    # model gave it (from its logits, before temperature) when it was chosen; () otherwise.
    tokens: tuple[tuple[str, float], ...] = ()

    @property
    def evaluated(self) -> int:
        return self.prompt_tokens if self.prompt_evaluated < 0 else self.prompt_evaluated


class Backend(Protocol):
    """A chat model."""

    name: str  # backend kind, e.g. "llama_cpp"
    model: str  # the model file or name, for reports

    def chat(self, request: ChatRequest, watch: Watcher | None = None) -> Completion: ...

    def describe(self) -> dict[str, str]:
        """What a report shows of this backend: at least "backend" and "model", plus "file"
        (in-process) or "url" (a server)."""
        ...
