"""In-process GGUF models through llama-cpp-python; ``llama_cpp`` is imported on first use only."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Callable, Sequence

from dcx.backends.base import Completion, Message
from dcx.errors import BackendError, ModelError


class LlamaCppBackend:
    name = "llama_cpp"

    def __init__(
        self,
        locate: Callable[[], Path],
        *,
        model: str,
        n_ctx: int,
        n_threads: int,
        on_load: Callable[[str, float], None] | None = None,
    ) -> None:
        self.model = model
        self._locate = locate
        self._n_ctx = n_ctx
        self._n_threads = n_threads
        self._on_load = on_load
        self._llama: Any = None
        self._grammars: dict[str, Any] = {}

    def _load(self) -> Any:
        if self._llama is not None:
            return self._llama
        path = self._locate()
        try:
            import llama_cpp
        except ImportError:
            raise ModelError(
                "llama-cpp-python is not installed; run `make setup` (or "
                "`pip install -e '.[models]'` with the build flags in documentation/)"
            ) from None
        started = time.monotonic()
        try:
            self._llama = llama_cpp.Llama(
                model_path=str(path),
                n_ctx=self._n_ctx,
                n_threads=self._n_threads,
                n_threads_batch=self._n_threads,
                n_batch=512,
                use_mmap=True,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelError(
                f"llama.cpp could not load {path} ({exc}); the file is corrupt, truncated or "
                "not a supported GGUF model: replace it or point dcx at another model"
            ) from None
        if self._on_load:
            self._on_load(self.model, time.monotonic() - started)
        return self._llama

    def _grammar(self, schema: dict[str, Any]) -> Any:
        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            from llama_cpp import LlamaGrammar

            self._grammars[key] = LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
        return self._grammars[key]

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
        llama = self._load()
        grammar = self._grammar(json_schema) if json_schema else None
        started = time.monotonic()
        try:
            response = llama.create_chat_completion(
                messages=list(messages),
                max_tokens=max_tokens,
                temperature=temperature,
                top_p=0.8 if temperature > 0 else 1.0,
                top_k=20 if temperature > 0 else 40,
                repeat_penalty=1.0,
                seed=seed if temperature > 0 else None,
                grammar=grammar,
                stop=list(stop) if stop else None,
            )
        except ValueError as exc:
            raise BackendError(
                f"{self.model}: {exc}; raise context_tokens (DCX_CONTEXT_TOKENS) or name fewer files"
            ) from None
        choice = response["choices"][0]
        usage = response.get("usage") or {}
        return Completion(
            text=choice["message"].get("content") or "",
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", 0)),
            seconds=time.monotonic() - started,
            finish_reason=choice.get("finish_reason") or "stop",
        )
