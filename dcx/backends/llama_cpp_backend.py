"""In-process GGUF models through llama-cpp-python; ``llama_cpp`` is imported on first use only."""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from dcx.backends.base import ChatRequest, Completion, Watcher
from dcx.backends.token_probabilities import TokenProbabilities
from dcx.errors import BackendError, ModelError


class LlamaCppBackend:
    name = "llama_cpp"

    def __init__(
        self,
        locate: Callable[[], Path],
        *,
        model: str,
        file: str = "",
        n_ctx: int,
        n_threads: int,
        on_load: Callable[[str, float], None] | None = None,
        prompt_lookup: int = 0,
        weight_repack: bool = False,
    ) -> None:
        self.model = model
        self._file = file  # where the model file is (or will be, once assembled), for reports
        self._locate = locate
        self._n_ctx = n_ctx
        self._n_threads = n_threads
        self._on_load = on_load
        self._prompt_lookup = prompt_lookup  # draft tokens per step; 0: plain decoding
        self._weight_repack = weight_repack
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
        extra: dict[str, Any] = {}
        if self._prompt_lookup:
            from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

            # The draft needs every position's logits (logits_all): a buffer of context_tokens x
            # vocabulary floats, which is why prompt lookup is off unless asked for.
            extra = {"draft_model": LlamaPromptLookupDecoding(num_pred_tokens=self._prompt_lookup),
                     "logits_all": True}
        try:
            with _weight_repack(self._weight_repack):
                self._llama = llama_cpp.Llama(
                    model_path=str(path),
                    n_ctx=self._n_ctx,
                    n_threads=self._n_threads,
                    n_threads_batch=self._n_threads,
                    n_batch=512,
                    use_mmap=True,
                    verbose=False,
                    **extra,
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

    def describe(self) -> dict[str, str]:
        return {"backend": self.name, "model": self.model, "file": self._file}

    def chat(self, request: ChatRequest, watch: Watcher | None = None) -> Completion:
        llama = self._load()
        grammar = self._grammar(dict(request.json_schema)) if request.json_schema else None
        self._reset_perf(llama)
        started = time.monotonic()
        sampling = dict(
            messages=list(request.messages),
            max_tokens=request.max_tokens,
            temperature=request.temperature,
            top_p=0.8 if request.temperature > 0 else 1.0,
            top_k=20 if request.temperature > 0 else 40,
            repeat_penalty=1.0,
            seed=request.seed if request.temperature > 0 else None,
            grammar=grammar,
            stop=list(request.stop) if request.stop else None,
        )
        recorder = TokenProbabilities() if request.probabilities else None
        if recorder is not None:
            import llama_cpp

            sampling["logits_processor"] = llama_cpp.LogitsProcessorList([recorder])
        try:
            if watch is None:
                response = llama.create_chat_completion(**sampling)
                choice = response["choices"][0]
                usage = response.get("usage") or {}
                text = choice["message"].get("content") or ""
                finish = choice.get("finish_reason") or "stop"
                prompt_tokens = int(usage.get("prompt_tokens", 0))
                completion_tokens = int(usage.get("completion_tokens", 0))
            else:
                text, finish = self._streamed(llama, sampling, watch)
                prompt_tokens = completion_tokens = -1
        except ValueError as exc:
            raise BackendError(
                f"{self.model}: {exc}; raise context_tokens (DCX_CONTEXT_TOKENS) or name fewer files"
            ) from None
        seconds = time.monotonic() - started
        perf = self._perf(llama)
        if prompt_tokens < 0:  # a stream does not report usage: llama.cpp's counters do
            completion_tokens = perf.n_eval if perf else 0
            prompt_tokens = max(0, int(llama.n_tokens) - completion_tokens)
        return Completion(
            text=text,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            seconds=seconds,
            finish_reason=finish,
            prompt_evaluated=perf.n_p_eval if perf else -1,
            prompt_seconds=perf.t_p_eval_ms / 1000 if perf else 0.0,
            generation_seconds=perf.t_eval_ms / 1000 if perf else 0.0,
            tokens=recorder.pieces(llama.detokenize, text) if recorder is not None else (),
        )

    @staticmethod
    def _streamed(llama: Any, sampling: dict[str, Any], watch: Watcher) -> tuple[str, str]:
        """Generate token by token, showing each piece to ``watch``; it may stop the reply."""
        parts: list[str] = []
        finish = "stop"
        chunks = llama.create_chat_completion(stream=True, **sampling)
        try:
            for chunk in chunks:
                choice = chunk["choices"][0]
                piece = choice.get("delta", {}).get("content") or ""
                if piece:
                    parts.append(piece)
                    if watch(piece):
                        finish = "stopped"
                        break
                finish = choice.get("finish_reason") or finish
        finally:
            chunks.close()
        return "".join(parts), finish

    # -- llama.cpp's own counters: what was evaluated (after the cached prefix), and how fast ----

    @staticmethod
    def _reset_perf(llama: Any) -> None:
        import llama_cpp

        llama_cpp.llama_perf_context_reset(llama.ctx)

    @staticmethod
    def _perf(llama: Any) -> Any:
        import llama_cpp

        return llama_cpp.llama_perf_context(llama.ctx)

    def raw_throughput(self, prompt_tokens: int, generate_tokens: int,
                       cached_tokens: int = 0) -> tuple[float, float]:
        """llama-cpp-python alone on this model, for comparison with what dcx gets from it:
        (prompt tokens evaluated per second for ``prompt_tokens`` new tokens after a cached
        prefix of ``cached_tokens``, tokens generated per second for ``generate_tokens`` tokens
        after them). The prefix is evaluated first, untimed, so both measure at the same depth
        of the context as dcx's calls. Clears the model's prompt cache."""
        llama = self._load()
        sample = (Path(__file__).read_text() * 40).encode()
        room = max(1, self._n_ctx - generate_tokens - 8)
        cached_tokens = min(cached_tokens, max(0, room - prompt_tokens))
        tokens = llama.tokenize(sample, add_bos=True)[: min(room, cached_tokens + max(1, prompt_tokens))]
        llama.reset()
        if cached_tokens:
            llama.create_completion(tokens[:cached_tokens], max_tokens=1, temperature=0.0)
        self._reset_perf(llama)
        llama.create_completion(tokens, max_tokens=generate_tokens, temperature=0.0,
                                logit_bias={llama.token_eos(): float("-inf")})
        perf = self._perf(llama)
        llama.reset()
        return (perf.n_p_eval / (perf.t_p_eval_ms / 1000) if perf.t_p_eval_ms else 0.0,
                perf.n_eval / (perf.t_eval_ms / 1000) if perf.t_eval_ms else 0.0)


@contextmanager
def _weight_repack(enabled: bool) -> Iterator[None]:
    """By default llama.cpp copies the weights into CPU-specific layouts ("extra buffer types")
    beside the memory-mapped file: a second copy in memory, which on the machines measured also
    read prompts slower (documentation/benchmarks.md). ``Llama()`` has no argument for it, so the
    model's default parameters are adjusted while it loads."""
    import llama_cpp.llama_cpp as low

    fields = {name for name, _type in getattr(low.llama_model_params, "_fields_", ())}
    if enabled or "use_extra_bufts" not in fields:
        yield
        return
    original = low.llama_model_default_params

    def without_repacking() -> Any:
        params = original()
        params.use_extra_bufts = False
        return params

    low.llama_model_default_params = without_repacking
    try:
        yield
    finally:
        low.llama_model_default_params = original
