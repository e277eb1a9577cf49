"""Loading settings: flag > environment > user config > repository config > defaults.

The table of settings is dcx.settings.Settings. User config is
``$XDG_CONFIG_HOME/dcx/config.toml`` (usually ``~/.config/dcx/config.toml``). Repository config is
``[tool.dcx]`` in the repository's ``pyproject.toml`` and ``.dcx.toml`` at its root (``.dcx.toml``
wins where both set a key); it is below the user's own config, and it is untrusted until the user
runs `dcx trust` on its exact content (dcx.trust). An untrusted repository config may set only
harmless keys (limits, pipeline choices: scope REPO); a key that reaches outside the repository
(a model file, a packaged model, a server URL or model name, threads, memory: scope TRUSTED) is
refused with one line that names it and says how to trust the file; a key only the user may set
(API key variables, allow_http_hosts: scope USER) is refused from any repository config, trusted
or not. Unknown keys are an error that names the key.

URLs: http(s) with a host and no credentials; plain http:// only to this machine, or to a host
the user allows (allow_http_hosts). API keys: dcx.models sends a key only to a URL the user named
(``Settings.user_urls``), never to one that only a repository config names.
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from dcx.config_files import ConfigFile, read_repository_configs, read_user_config
from dcx.errors import ConfigError
from dcx.settings import (
    ENVIRONMENT,
    KEYS,
    KEYS_BY_NAME,
    REPO,
    SHOWN,
    USER,
    Key,
    Settings,
    coerce,
    is_loopback,
    user_config_path,
)
from dcx.trust import is_trusted

__all__ = ["load_settings", "normal_url"]

Layer = dict[str, tuple[Any, str]]  # setting -> (value, origin for messages)
URL_KEYS = ("language_model_url", "code_model_url")


def _key_for(name: str, label: str) -> Key:
    key = KEYS_BY_NAME.get(name.replace("-", "_"))
    if key is None and ("api_key" in name.replace("-", "_") or name in ("key", "token")):
        raise ConfigError(
            f"{label} holds {name!r}: dcx never reads API keys from config files; put the key "
            "in an environment variable (DCX_API_KEY, or the one code_model_key_env names)")
    if key is None:
        known = ", ".join(k.name for k in KEYS if k.scope != ENVIRONMENT)
        raise ConfigError(f"unknown key {name!r} in {label}; known keys: {known}")
    if key.scope == ENVIRONMENT:
        raise ConfigError(f"{key.name} in {label} can be set only in the environment "
                          f"(${key.env[0]}); remove it from the file")
    return key


def _file_layer(config: ConfigFile) -> Layer:
    layer = {}
    for name, value in config.table.items():
        key = _key_for(name, config.label)
        value = coerce(key, value, config.label)
        if key.name.endswith("_path"):
            value = str((config.path.parent / Path(value).expanduser()).resolve())
        layer[key.name] = (value, config.label)
    return layer


def _repository_layer(config: ConfigFile, root: Path) -> tuple[Layer, Layer]:
    """A repository config's keys: harmless ones always; keys that reach outside the repository
    only once the user trusts this exact content; keys only the user may set, never. A command
    it names (scope SHOWN) is withheld until trusted: the second layer, for dcx to mention."""
    layer = _file_layer(config)
    own = [name for name in layer if KEYS_BY_NAME[name].scope == USER]
    if own:
        raise ConfigError(
            f"{config.label} sets {_names(own)}, which only your own config ({user_config_path()}) "
            "or the environment may set; remove it from the repository's config")
    trusted = is_trusted(root, config)
    withheld = {} if trusted else {name: layer.pop(name) for name in list(layer)
                                   if KEYS_BY_NAME[name].scope == SHOWN}
    outside = [name for name in layer if KEYS_BY_NAME[name].scope != REPO]
    if outside and not trusted:
        raise ConfigError(
            f"{config.label} sets {_names(outside)}, which a repository's config may set only "
            f"once you trust it: review the file, then run `dcx trust` in {root} (or set "
            f"{'it' if len(outside) == 1 else 'them'} in {user_config_path()} instead)")
    return layer, {name: (value, config.label) for name, (value, _) in withheld.items()}


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _environment_layer(environ: Mapping[str, str]) -> Layer:
    layer = {}
    for key in KEYS:
        for var in key.env:
            if environ.get(var, "") != "":
                layer[key.name] = (coerce(key, environ[var], f"${var}"), f"${var}")
                break
    return layer


def _flag_layer(flags: Mapping[str, Any]) -> Layer:
    return {name: (coerce(KEYS_BY_NAME[name], value, "the command line"), "flag")
            for name, value in flags.items() if value is not None}


def load_settings(
    repo_root: Path | None = None,
    flags: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Settings for a command run in the repository at ``repo_root`` (None: outside one), from
    lowest to highest precedence: defaults, the repository's config (as far as it is trusted),
    the user's config, the environment, the command's flags."""
    environ = os.environ if environ is None else environ
    repository = [_repository_layer(c, Path(repo_root)) for c in read_repository_configs(repo_root)]
    layers: list[tuple[str, Layer]] = [("repository", layer) for layer, _ in repository]
    user = read_user_config()
    if user is not None:
        layers.append(("user", _file_layer(user)))
    layers.append(("environment", _environment_layer(environ)))
    layers.append(("flag", _flag_layer(flags or {})))

    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    sources: dict[str, str] = {}
    for source, layer in layers:
        for name, (value, origin) in layer.items():
            values[name], origins[name], sources[name] = value, origin, source
    allowed_hosts = values.get("allow_http_hosts", ())
    for name in URL_KEYS:
        if values.get(name):
            _check_url(name, values[name], origins[name], allowed_hosts)
    user_urls = frozenset(normal_url(value) for source, layer in layers if source != "repository"
                          for name, (value, _) in layer.items() if name in URL_KEYS)
    known = {f.name for f in fields(Settings)}
    withheld = {name: named for _, held in repository for name, named in held.items()
                if name not in values}
    return Settings(**{k: v for k, v in values.items() if k in known}, origins=origins,
                    sources=sources, user_urls=user_urls, withheld=withheld)


def normal_url(url: str) -> str:
    """A base URL as compared for the API-key rule (no trailing slash)."""
    return url.strip().rstrip("/")


def _check_url(name: str, url: str, origin: str, allowed_hosts: tuple[str, ...]) -> None:
    """A model server's base URL: http(s), a host, no credentials (keys go in the environment),
    and plain http only to this machine or to a host the user allows."""
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port
    except ValueError:
        host, parts = None, None
    if parts is None or parts.scheme not in ("http", "https") or not host:
        raise ConfigError(f"{name} from {origin} must be an http:// or https:// URL with a host, "
                          f"ending in /v1 (e.g. http://127.0.0.1:8080/v1), not {url!r}")
    if parts.username or parts.password:
        raise ConfigError(f"{name} from {origin} holds credentials; remove them and put the API key "
                          f"in an environment variable (DCX_API_KEY, or the one {name[:-4]}_key_env names)")
    if parts.scheme == "http" and not is_loopback(host) and host.lower() not in allowed_hosts:
        raise ConfigError(
            f"{name} from {origin} is plain http:// to {host}, which is not this machine: use "
            f"https://, or allow the host in your own config ({user_config_path()}: "
            f'allow_http_hosts = ["{host}"]) or with DCX_ALLOW_HTTP_HOSTS={host}')
