"""Which model file each role uses, where that choice came from, and making it ready to load."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dcx.config import Settings
from dcx.model_cache import cached_path, check_gguf_file, ensure_model, is_verified
from dcx.packaged_models import PackagedModel, packaged
from dcx.progress import Reporter

ROLES = ("language", "code")


@dataclass(frozen=True)
class ModelChoice:
    role: str  # "language" (the router) or "code"
    path: Path
    origin: str  # "flag", "$LOCAL_MODEL_PATH", a config file, or "packaged"
    packaged: PackagedModel | None


def choose(role: str, settings: Settings) -> ModelChoice:
    if not settings.dual_model_mode and role == "language":
        role_for_file = "code"  # single-model mode: the code model also plans
    else:
        role_for_file = role
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
