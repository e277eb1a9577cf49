"""Which repositories' dcx config the user trusts (`dcx trust`), as `direnv allow` does: recorded
in the user's own config folder by the repository's path and the sha256 of each config file's
exact content. Any change to a file (a pull, an edit, a model's change) revokes its trust.

Until then a repository's `.dcx.toml` and `[tool.dcx]` may set only harmless keys (dcx.config
refuses the others), so a cloned repository cannot point dcx at a host, at a file outside it, or
at the user's secrets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from dcx.atomic import write_atomic
from dcx.config_files import DOTFILE, PYPROJECT, ConfigFile, read_repository_configs
from dcx.errors import ConfigError
from dcx.settings import user_config_dir


@dataclass(frozen=True)
class TrustedFile:
    path: Path
    sha256: str
    keys: tuple[str, ...]  # the dcx keys the file sets, for the user to see what they trusted


def store_path() -> Path:
    return user_config_dir() / "trusted.json"


def _key(root: Path) -> str:
    return str(Path(root).resolve())


def _load() -> dict[str, dict[str, str]]:
    """{repository path: {config file name: sha256}}; no record yet: nothing is trusted."""
    path = store_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read {path} ({exc}); delete it (every repository is then "
                          "untrusted until `dcx trust`)") from None
    repos = data.get("repositories") if isinstance(data, dict) else None
    if not isinstance(repos, dict):
        raise ConfigError(f"{path} is not dcx's record of trusted repositories; delete it")
    return {root: files for root, files in repos.items() if isinstance(files, dict)}


def _save(repos: dict[str, dict[str, str]]) -> None:
    path = store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"repositories": repos}, indent=2, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"), 0o600)


def is_trusted(root: Path, config: ConfigFile) -> bool:
    """Whether the user trusted this config file of the repository at ``root`` with exactly the
    content dcx read (its sha256)."""
    return _load().get(_key(root), {}).get(config.path.name) == config.sha256


def trust_repository(root: Path) -> tuple[TrustedFile, ...]:
    """Trust the repository's dcx config files as they are now; returns what was trusted."""
    configs = read_repository_configs(root)
    if not configs:
        raise ConfigError(f"{root} has no {DOTFILE} and no [tool.dcx] in its {PYPROJECT}: "
                          "there is nothing to trust")
    repos = _load()
    repos[_key(root)] = {c.path.name: c.sha256 for c in configs}
    _save(repos)
    return tuple(TrustedFile(c.path, c.sha256, tuple(c.table)) for c in configs)


def untrust_repository(root: Path) -> bool:
    """Forget the trust given to the repository's config; False when there was none."""
    repos = _load()
    if repos.pop(_key(root), None) is None:
        return False
    _save(repos)
    return True


def trusted_files(root: Path) -> dict[str, str]:
    """The repository's trusted config files and the sha256 each was trusted with."""
    return dict(_load().get(_key(root), {}))
