"""Backends behind one interface (see base.Backend), built for each role from the spec that
dcx.models.resolve gives: a model file run in-process by llama-cpp-python, or a model server
spoken to over HTTP. Neither engine is imported until a role needs it.

The test seam: ``create_backends`` calls the module attribute ``factory``. Tests that run dcx
with scripted models replace it (``monkeypatch.setattr(dcx.backends, "factory", ...)``, see
tests/fakes.py); no setting, file or environment variable reaches it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping

from dcx.backends.base import Backend, ChatRequest, Completion, Message, Watcher
from dcx.progress import Reporter
from dcx.settings import Settings

if TYPE_CHECKING:
    from dcx.models import BackendSpec, ModelFile

__all__ = ["Backend", "BackendFactory", "ChatRequest", "Completion", "Message", "Watcher",
           "code_model", "create_backends", "model_backends"]

BackendFactory = Callable[[Settings, Reporter], dict[str, Backend]]


def model_backends(settings: Settings, reporter: Reporter) -> dict[str, Backend]:
    """Each role's backend from its spec; in single-model mode the code model's backend plans
    too (one backend, loaded once)."""
    from dcx.models import resolve

    code = _build(resolve("code", settings), settings, reporter)
    router = _build(resolve("router", settings), settings, reporter) if settings.dual_model_mode else code
    return {"router": router, "code": code}


def _build(spec: BackendSpec, settings: Settings, reporter: Reporter) -> Backend:
    from dcx.backends.openai_http import Endpoint, OpenAIHTTPBackend

    if isinstance(spec, Endpoint):
        return OpenAIHTTPBackend(spec, reporter)
    return _in_process(spec, settings, reporter)


def _in_process(model_file: ModelFile, settings: Settings, reporter: Reporter) -> Backend:
    from dcx.backends.llama_cpp_backend import LlamaCppBackend
    from dcx.models import locate

    def loaded(model: str, seconds: float) -> None:
        reporter.stage(f"loaded {model} in {seconds:.1f}s")

    return LlamaCppBackend(
        lambda: locate(model_file, reporter),
        model=model_file.path.name,
        file=str(model_file.path),
        n_ctx=settings.context_tokens,
        n_threads=settings.n_threads,
        on_load=loaded,
        prompt_lookup=settings.prompt_lookup if model_file.role == "code" else 0,
        weight_repack=settings.weight_repack,
    )


factory: BackendFactory = model_backends  # the test seam (see the module's docstring)


def create_backends(settings: Settings, reporter: Reporter) -> dict[str, Backend]:
    """Backends per role ("router", "code"); nothing is loaded until a backend is first asked
    to chat."""
    return factory(settings, reporter)


def code_model(backends: Mapping[str, Backend], settings: Settings) -> Backend:
    """The backend that writes code and answers: the code model, or in single-model mode the one
    model that also plans (a scripted test may give that role only as "router")."""
    return backends["code"] if settings.dual_model_mode else backends["router"]
