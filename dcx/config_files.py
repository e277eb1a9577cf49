"""Reading dcx's config files: the user's own (`~/.config/dcx/config.toml`) and a repository's
(`[tool.dcx]` in its `pyproject.toml`, and `.dcx.toml`). Each file is read once, as bytes, so the
sha256 that decides whether it is trusted is the hash of exactly what was parsed."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from dcx.errors import ConfigError
from dcx.settings import user_config_path

DOTFILE = ".dcx.toml"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    label: str  # for messages: the path, with " [tool.dcx]" for a pyproject.toml
    table: Mapping[str, Any]  # the dcx keys it sets
    sha256: str  # of the whole file's bytes


def _parse(path: Path) -> tuple[dict[str, Any], str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return tomllib.loads(data.decode("utf-8")), hashlib.sha256(data).hexdigest()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML ({exc}); fix or remove it") from None


def read_user_config() -> ConfigFile | None:
    path = user_config_path()
    if not path.is_file():
        return None
    table, sha256 = _parse(path)
    return ConfigFile(path, str(path), table, sha256)


def read_repository_configs(root: Path | None) -> list[ConfigFile]:
    """The repository's config files that set dcx keys, lowest precedence first: `[tool.dcx]`
    in pyproject.toml, then `.dcx.toml`."""
    if root is None:
        return []
    found = []
    pyproject = Path(root) / PYPROJECT
    _confined(pyproject, Path(root))
    _confined(Path(root) / DOTFILE, Path(root))
    if pyproject.is_file():
        whole, sha256 = _parse(pyproject)
        table = dcx_table(whole)
        if table is not None:
            if not isinstance(table, dict):
                raise ConfigError(f"[tool.dcx] in {pyproject} must be a table")
            found.append(ConfigFile(pyproject, f"{pyproject} [tool.dcx]", table, sha256))
    dotfile = Path(root) / DOTFILE
    if dotfile.is_file():
        table, sha256 = _parse(dotfile)
        found.append(ConfigFile(dotfile, str(dotfile), table, sha256))
    return found


def dcx_table(document: Mapping[str, Any]) -> Any:
    """A parsed pyproject.toml's `[tool.dcx]` as written (None when it has none)."""
    tool = document.get("tool")
    return tool.get("dcx") if isinstance(tool, dict) else None


def _confined(path: Path, root: Path) -> None:
    """A repository's config is read only from the repository: a link to a file outside (say
    `/proc/self/environ`) is a clear error, never read."""
    if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
        raise ConfigError(f"{path} is a link to {path.resolve()}, outside the repository; dcx "
                          "reads a repository's config only from files in it. Remove the link")
