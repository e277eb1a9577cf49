"""What a run cost: tokens and seconds per model role, seconds per stage. One record per run,
passed explicitly to whatever calls a model; reports read it, nothing else keeps counters."""

from __future__ import annotations

import time
from collections import defaultdict
from contextlib import contextmanager
from typing import Any, Iterator

from dcx.backends.base import Completion


class Usage:
    def __init__(self) -> None:
        self.tokens: dict[str, dict[str, int]] = defaultdict(
            lambda: {"prompt": 0, "evaluated": 0, "completion": 0})
        self.stage_seconds: dict[str, float] = defaultdict(float)
        self.model_seconds: dict[str, dict[str, float]] = defaultdict(
            lambda: {"prompt": 0.0, "generation": 0.0, "total": 0.0, "calls": 0})

    def count(self, role: str, completion: Completion) -> None:
        """One model call of ``role`` ("router" or "code")."""
        self.tokens[role]["prompt"] += completion.prompt_tokens
        self.tokens[role]["evaluated"] += completion.evaluated
        self.tokens[role]["completion"] += completion.completion_tokens
        timing = self.model_seconds[role]
        timing["prompt"] += completion.prompt_seconds
        timing["generation"] += completion.generation_seconds
        timing["total"] += completion.seconds
        timing["calls"] += 1
        self.stage_seconds[f"{role} model"] += completion.seconds

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time a stage of the pipeline (context, patch, verify, ...)."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.stage_seconds[name] += time.monotonic() - started

    def token_totals(self) -> dict[str, dict[str, int]]:
        return {role: dict(counts) for role, counts in self.tokens.items()}

    def perf(self) -> dict[str, Any]:
        """Seconds per stage, and per role the prompt and generation seconds and calls."""
        return {"stages": dict(self.stage_seconds),
                "models": {role: dict(v) for role, v in self.model_seconds.items()}}
