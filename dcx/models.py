"""Which model each role uses. One resolver maps a role ("router" or "code") and the settings to a
backend spec: a model file run in-process (with where that choice came from) or a model server's
endpoint. dcx.backends.create_backends builds the backends from it, and `dcx models` reports it.
Also making a model file ready to load (packaged models are assembled and verified first)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Union

from dcx.backends.openai_http import Endpoint, model_to_use, probe
from dcx.config import normal_url
from dcx.errors import BackendError
from dcx.model_cache import cached_path, check_gguf_file, ensure_model, is_verified
from dcx.packaged_models import PackagedModel, packaged
from dcx.progress import Reporter
from dcx.settings import Settings, api_key

ROLES = ("router", "code")


@dataclass(frozen=True)
class ModelFile:
    """A GGUF file run in-process."""

    role: str  # "router" or "code"
    path: Path
    origin: str  # "flag", "$LOCAL_MODEL_PATH", a config file, or "packaged"
    packaged: PackagedModel | None


BackendSpec = Union[ModelFile, Endpoint]


@dataclass(frozen=True)
class _RoleSettings:
    """The settings one role reads: ``language_model_*`` for the router, ``code_model_*`` for the
    code model (and for the router too in single-model mode)."""

    prefix: str  # "language" or "code"
    path: str | None
    packaged: str
    url: str | None
    name: str | None
    key_env: str

    def setting(self, suffix: str) -> str:
        return f"{self.prefix}_model{suffix}"


def _role_settings(role: str, settings: Settings) -> _RoleSettings:
    if role == "router" and settings.dual_model_mode:
        return _RoleSettings("language", settings.language_model_path, settings.language_model,
                             settings.language_model_url, settings.language_model_name,
                             settings.language_model_key_env)
    return _RoleSettings("code", settings.code_model_path, settings.code_model,
                         settings.code_model_url, settings.code_model_name,
                         settings.code_model_key_env)


def resolve(role: str, settings: Settings, environ: Mapping[str, str] | None = None) -> BackendSpec:
    """The backend spec of ``role``: its server when a URL is set, else its model file (a path
    setting, or the packaged model the settings name)."""
    own = _role_settings(role, settings)
    if own.url:
        return _endpoint(role, own, settings, environ)
    if own.path:
        return ModelFile(role, Path(own.path).expanduser(), settings.origin(own.setting("_path")), None)
    model = packaged(own.packaged)
    origin = settings.origin(own.setting(""))
    return ModelFile(role, cached_path(model), "packaged" if origin == "default" else f"packaged ({origin})",
                     model)


def _endpoint(role: str, own: _RoleSettings, settings: Settings,
              environ: Mapping[str, str] | None) -> Endpoint:
    """The server's endpoint. The API key goes only to a URL the user named (their config, the
    environment or a flag), never to one that only a repository's config names."""
    url_setting = own.setting("_url")
    user_named = (settings.source(url_setting) != "repository"
                  or normal_url(own.url or "") in settings.user_urls)
    return Endpoint(
        role=role,
        url=own.url or "",
        model=own.name,
        api_key=api_key(own.key_env, environ) if user_named else None,
        key_env=own.key_env,
        url_origin=settings.origin(url_setting),
        name_setting=f"DCX_{own.prefix.upper()}_MODEL_NAME",
        timeout=float(settings.http_timeout),
        retries=settings.http_retries,
        key_withheld=not user_named,
    )


def locate(choice: ModelFile, reporter: Reporter) -> Path:
    """The file to load: packaged models are assembled and verified first; user files checked."""
    if choice.packaged is None:
        check_gguf_file(choice.path, choice.origin)
        return choice.path
    model = choice.packaged
    if not is_verified(model):
        reporter.stage(f"preparing {model.description} (once) ...")
    return ensure_model(model, lambda done, total: reporter.bar(model.filename, done, total))


def describe(choice: ModelFile) -> dict[str, Any]:
    exists = choice.path.is_file()
    if choice.packaged is not None:
        verified: bool | None = exists and is_verified(choice.packaged, choice.path)
    else:
        verified = None  # a user's own file has no known checksum
    return {
        "role": choice.role,
        "backend": "llama_cpp",
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
    row: dict[str, Any] = {"role": where.role, "backend": "openai", "url": where.url,
                           "origin": where.url_origin, "model": where.model,
                           "api_key": bool(where.api_key), "api_key_withheld": where.key_withheld,
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
        spec = resolve(role, settings)
        if isinstance(spec, Endpoint):
            row = describe_remote(spec)
        else:
            if assemble:
                locate(spec, reporter)
            row = describe(spec)
        row["mode"] = "dual" if settings.dual_model_mode else "single"
        rows.append(row)
    return rows
