"""Scripted models for tests, and the ways a test gives them to dcx. Nothing in dcx/ imports this:
a test double is not a setting, so no config file or environment variable can script dcx's models.

- In-process (CliRunner, run_request): ``use_script(monkeypatch, path)`` replaces
  ``dcx.backends.factory`` (the seam ``create_backends`` calls) for the test.
- dcx as a real subprocess (through git hooks, the pre-commit framework): ``subprocess_env(path)``
  gives the environment that makes every `dcx` process of the test load
  tests/scripted_dcx/sitecustomize.py, which installs the same scripted backends. Only the test
  harness sets that environment.

A script is a JSON object of reply lists: {"router": [...], "code": [...]}, or {"single": [...]}
for single-model mode (one model plays both roles).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from dcx.backends.base import Backend, ChatRequest, Completion, Watcher
from dcx.errors import BackendError

SCRIPT_VARIABLE = "DCX_TESTS_FAKE_SCRIPT"  # read only by tests/scripted_dcx/sitecustomize.py
SITE = Path(__file__).resolve().with_name("scripted_dcx")


@dataclass(frozen=True)
class Scored:
    """A scripted reply whose tokens the fake reports with their probabilities when a request asks
    for them: each word and each run of white space is a token, at probability ``sure`` unless
    ``unsure`` names the word (word -> probability)."""

    text: str
    unsure: Mapping[str, float] = field(default_factory=dict)
    sure: float = 0.9

    def tokens(self) -> tuple[tuple[str, float], ...]:
        return tuple((piece, self.unsure.get(piece, self.sure)) for piece in re.findall(r"\s+|\S+", self.text))


class FakeBackend:
    """A scripted model: replies come from a queue, requests are kept in ``history``."""

    name = "fake"

    def __init__(self, replies: Sequence[str | Scored] = (), model: str = "fake") -> None:
        self.model = model
        self._queue: list[str | Scored] = list(replies)
        self.history: list[dict[str, Any]] = []

    def enqueue(self, *replies: str | dict | Scored) -> "FakeBackend":
        for reply in replies:
            self._queue.append(reply if isinstance(reply, (str, Scored)) else json.dumps(reply))
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
             "temperature": request.temperature, "seed": request.seed,
             "probabilities": request.probabilities}
        )
        if not self._queue:
            raise BackendError(f"the fake model {self.model!r} has no scripted reply left")
        reply = self._queue.pop(0)
        text = reply.text if isinstance(reply, Scored) else reply
        tokens = reply.tokens() if isinstance(reply, Scored) and request.probabilities else ()
        finish = "stop"
        if watch is not None:  # streamed line by line, as a model would write it
            shown = []
            for piece in text.splitlines(keepends=True):
                shown.append(piece)
                if watch(piece):
                    text, finish = "".join(shown), "stopped"
                    break
        prompt_tokens = sum(len(m["content"]) for m in request.messages) // 4
        return Completion(text, prompt_tokens, max(1, len(text) // 4), 0.0, finish, tokens=tokens)


def load_script(path: str | Path) -> dict[str, list[str]]:
    """Read a script: {"router": [...], "code": [...]} or {"single": [...]}."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackendError(f"cannot read the fake model script {path}: {exc}") from None
    if not isinstance(data, dict):
        raise BackendError(f"the fake model script {path} must hold a JSON object of reply lists")
    return {role: [r if isinstance(r, str) else json.dumps(r) for r in replies]
            for role, replies in data.items()}


def scripted_backends(script: dict[str, list[str]], dual: bool) -> dict[str, Backend]:
    if not dual:
        single = FakeBackend(script.get("single", []), model="fake-single")
        return {"router": single, "code": single}
    return {"router": FakeBackend(script.get("router", []), model="fake-router"),
            "code": FakeBackend(script.get("code", []), model="fake-code")}


def scripted_factory(path: str | Path) -> Callable[[Any, Any], dict[str, Backend]]:
    """A ``dcx.backends.factory`` that reads the script at ``path`` when dcx creates its backends
    (a command that never needs a model never reads it)."""

    def factory(settings: Any, reporter: Any) -> dict[str, Backend]:
        return scripted_backends(load_script(path), settings.dual_model_mode)

    return factory


def use_script(monkeypatch: Any, path: str | Path) -> None:
    """In-process: dcx's backends come from the script at ``path`` for the rest of the test."""
    import dcx.backends

    monkeypatch.setattr(dcx.backends, "factory", scripted_factory(path))


def subprocess_env(path: str | Path) -> dict[str, str]:
    """Environment entries that make each `dcx` subprocess take its models from the script."""
    return {"PYTHONPATH": str(SITE), SCRIPT_VARIABLE: str(path)}


def use_script_everywhere(monkeypatch: Any, path: str | Path) -> dict[str, str]:
    """``use_script`` for this process, and the environment entries for `dcx` subprocesses."""
    use_script(monkeypatch, path)
    return subprocess_env(path)
