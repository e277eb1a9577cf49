"""Which model file each role uses, where that choice came from, and making it ready to load."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from dcx.backends.openai_http import Endpoint, model_to_use, probe
from dcx.config import Settings
from dcx.errors import BackendError, ConfigError
from dcx.model_cache import cached_path, check_gguf_file, ensure_model, is_verified
from dcx.packaged_models import PackagedModel, packaged
from dcx.progress import Reporter

ROLES = ("router", "code")


@dataclass(frozen=True)
class ModelChoice:
    role: str  # "router" or "code"
    path: Path
    origin: str  # "flag", "$LOCAL_MODEL_PATH", a config file, or "packaged"
    packaged: PackagedModel | None


def _source(role: str, settings: Settings) -> str:
    """The prefix of the settings ``role`` uses (``language_model_*`` for the router,
    ``code_model_*``): in single-model mode the code model also plans."""
    return "code" if not settings.dual_model_mode or role == "code" else "language"


def endpoint(role: str, settings: Settings, environ: Mapping[str, str] | None = None) -> Endpoint | None:
    """The model server ``role`` talks to, or None when its model runs in-process."""
    source = _source(role, settings)
    url = getattr(settings, f"{source}_model_url")
    if not url:
        return None
    environ = os.environ if environ is None else environ
    key_env = getattr(settings, f"{source}_model_key_env")
    key = environ.get(key_env, "").strip() or None
    if key is not None and (not key.isascii() or not key.isprintable() or " " in key):
        raise ConfigError(f"the API key in ${key_env} has characters an HTTP header cannot carry; "
                          "check the variable")
    return Endpoint(
        role=role,
        url=url,
        model=getattr(settings, f"{source}_model_name"),
        api_key=key,
        key_env=key_env,
        url_origin=settings.origin(f"{source}_model_url"),
        name_setting=f"DCX_{source.upper()}_MODEL_NAME",
        timeout=float(settings.http_timeout),
        retries=settings.http_retries,
    )


def choose(role: str, settings: Settings) -> ModelChoice:
    role_for_file = _source(role, settings)
    path_key = f"{role_for_file}_model_path"
    user_path = getattr(settings, path_key)
    if user_path:
        return ModelChoice(role, Path(user_path).expanduser(), settings.origin(path_key), None)
    key_name = f"{role_for_file}_model"
    model = packaged(getattr(settings, key_name))
    origin = "packaged" if settings.origin(key_name) == "default" else f"packaged ({settings.origin(key_name)})"
    return ModelChoice(role, cached_path(model), origin, model)


def locate(choice: ModelChoice, reporter: Reporter) -> Path:
    """The file to load: packaged models are assembled and verified first; user files checked."""
    if choice.packaged is None:
        check_gguf_file(choice.path, choice.origin)
        return choice.path
    model = choice.packaged
    if not is_verified(model):
        reporter.stage(f"preparing {model.description} (once) ...")
    return ensure_model(model, lambda done, total: reporter.bar(model.filename, done, total))


def describe(choice: ModelChoice) -> dict:
    exists = choice.path.is_file()
    if choice.packaged is not None:
        verified: bool | None = exists and is_verified(choice.packaged, choice.path)
    else:
        verified = None  # a user's own file has no known checksum
    return {
        "role": choice.role,
        "path": str(choice.path),
        "origin": choice.origin,
        "model": choice.packaged.description if choice.packaged else choice.path.name,
        "exists": exists,
        "size": choice.path.stat().st_size if exists else None,
        "sha256_verified": verified,
    }


def describe_remote(where: Endpoint) -> dict[str, Any]:
    """A remote role for `dcx models`: its server, the model name, whether the server answers
    and serves that model (asked once, without retries; the API key is never shown)."""
    served, error, reachable = probe(where)
    row: dict[str, Any] = {"role": where.role, "url": where.url, "origin": where.url_origin,
                           "model": where.model, "api_key": bool(where.api_key),
                           "reachable": reachable, "served": served, "error": None}
    if error is None:
        try:
            row["model"] = model_to_use(where, served)
        except BackendError as exc:
            error = exc
    row["error"] = str(error) if error else None
    return row


def model_report(settings: Settings, assemble: bool, reporter: Reporter) -> list[dict[str, Any]]:
    """What `dcx models` shows: each role's model, where it came from, and its state."""
    rows = []
    for role in ROLES:
        remote = endpoint(role, settings) if settings.backend == "llama_cpp" else None
        if remote is not None:
            row = describe_remote(remote)
            row["backend"] = "openai"
        else:
            choice = choose(role, settings)
            if assemble:
                locate(choice, reporter)
            row = describe(choice)
            row["backend"] = settings.backend
        row["mode"] = "dual" if settings.dual_model_mode else "single"
        rows.append(row)
    return rows
