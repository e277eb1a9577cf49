"""Backends behind one interface, with an explicit registry (see base.Backend)."""

from __future__ import annotations

from typing import Callable

from dcx.backends.base import Backend, ChatRequest, Completion, Message
from dcx.backends.fake import FakeBackend, load_script
from dcx.config import Settings
from dcx.errors import ConfigError
from dcx.progress import Reporter

__all__ = ["Backend", "ChatRequest", "Completion", "Message", "FakeBackend", "create_backends", "BACKENDS"]


def _default(settings: Settings, reporter: Reporter) -> dict[str, Backend]:
    """Each role in-process (llama-cpp-python), or on the OpenAI-compatible server its URL
    setting names; in single-model mode the code model's backend plans too."""
    from dcx.backends.llama_cpp_backend import LlamaCppBackend
    from dcx.backends.openai_http import OpenAIHTTPBackend
    from dcx.models import choose, endpoint, locate

    def make(role: str) -> Backend:
        remote = endpoint(role, settings)
        if remote is not None:
            return OpenAIHTTPBackend(remote, reporter)
        choice = choose(role, settings)

        def loaded(model: str, seconds: float) -> None:
            reporter.stage(f"loaded {model} in {seconds:.1f}s")

        return LlamaCppBackend(
            lambda: locate(choice, reporter),
            model=str(choice.path.name),
            file=str(choice.path),
            n_ctx=settings.context_tokens,
            n_threads=settings.n_threads,
            on_load=loaded,
            prompt_lookup=settings.prompt_lookup if role == "code" else 0,
            weight_repack=settings.weight_repack,
        )

    code = make("code")
    return {"router": make("router") if settings.dual_model_mode else code, "code": code}


def _fake(settings: Settings, reporter: Reporter) -> dict[str, Backend]:
    if not settings.fake_script:
        raise ConfigError("the fake backend needs a script: set DCX_FAKE_SCRIPT to a JSON file")
    script = load_script(settings.fake_script)
    if not settings.dual_model_mode:
        single = FakeBackend(script.get("single", []), model="fake-single")
        return {"router": single, "code": single}
    return {
        "router": FakeBackend(script.get("router", []), model="fake-router"),
        "code": FakeBackend(script.get("code", []), model="fake-code"),
    }


BACKENDS: dict[str, Callable[[Settings, Reporter], dict[str, Backend]]] = {
    "llama_cpp": _default,
    "fake": _fake,
}


def create_backends(settings: Settings, reporter: Reporter) -> dict[str, Backend]:
    """Backends per role; nothing is loaded until a backend is first asked to chat."""
    try:
        factory = BACKENDS[settings.backend]
    except KeyError:
        raise ConfigError(f"unknown backend {settings.backend!r}; known: {', '.join(BACKENDS)}") from None
    return factory(settings, reporter)
