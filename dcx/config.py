"""Settings: command-line flag > environment > repository config > user config > defaults.

Repository config is ``.dcx.toml`` at the repository root or ``[tool.dcx]`` in its
``pyproject.toml`` (``.dcx.toml`` wins where both set a key); user config is
``$XDG_CONFIG_HOME/dcx/config.toml``. Unknown keys are an error that names the key.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from dcx.errors import ConfigError
from dcx.packaged_models import DEFAULT_CODE_MODEL, DEFAULT_LANGUAGE_MODEL


@dataclass(frozen=True)
class Key:
    name: str
    kind: type
    default: Any
    env: tuple[str, ...]
    help: str


KEYS: tuple[Key, ...] = (
    Key("language_model_path", str, None, ("LANGUAGE_MODEL_PATH", "DCX_LANGUAGE_MODEL_PATH"),
        "GGUF file for the language model (the router)"),
    Key("code_model_path", str, None, ("LOCAL_MODEL_PATH", "DCX_CODE_MODEL_PATH"),
        "GGUF file for the code model"),
    Key("language_model", str, DEFAULT_LANGUAGE_MODEL, ("DCX_LANGUAGE_MODEL",),
        "packaged model used as router when no path is set"),
    Key("code_model", str, DEFAULT_CODE_MODEL, ("DCX_CODE_MODEL",),
        "packaged model used as code model when no path is set"),
    Key("dual_model_mode", bool, True, ("DUAL_MODEL_MODE", "DCX_DUAL_MODEL_MODE"),
        "false: the code model also plans (single-model mode)"),
    Key("backend", str, "llama_cpp", ("DCX_BACKEND",), "model backend: llama_cpp or fake"),
    Key("fake_script", str, None, ("DCX_FAKE_SCRIPT",),
        "JSON file of scripted replies for the fake backend (tests)"),
    Key("threads", int, 0, ("DCX_THREADS",), "CPU threads for inference (0: all cores)"),
    Key("context_tokens", int, 4096, ("DCX_CONTEXT_TOKENS",), "context window per model"),
    Key("max_steps", int, 6, ("DCX_MAX_STEPS",), "router tool calls per request"),
    Key("code_retries", int, 2, ("DCX_CODE_RETRIES",), "extra tries when code does not validate"),
    Key("context_budget", int, 1500, ("DCX_CONTEXT_BUDGET",),
        "tokens of repository context given to the router"),
    Key("plan_first_call", bool, True, ("DCX_PLAN_FIRST_CALL",),
        "in fix mode dcx makes the plain calls itself: the first edit when the context shows "
        "where it goes, and edits of files that still use a renamed name"),
    Key("router_review", bool, False, ("DCX_ROUTER_REVIEW",),
        "after dcx's own first edit, let the router review it and continue (default: finish)"),
    Key("test_rounds", int, 3, ("DCX_TEST_ROUNDS",),
        "extra attempts with the failing test output (fix --test)"),
    Key("rewrite_from_round", int, 3, ("DCX_REWRITE_FROM_ROUND",),
        "from this test round on, a Python function that still fails is written anew: the code "
        "model sees its signature, docstring and tests but not its body (0: never)"),
    Key("feedback_restart", bool, True, ("DCX_FEEDBACK_RESTART",),
        "after failing tests, start again from the original files (told what failed) instead "
        "of building on the failed change"),
    Key("test_timeout", int, 120, ("DCX_TEST_TIMEOUT",), "seconds one test run may take"),
    Key("allow_deletions", bool, False, ("DCX_ALLOW_DELETIONS",),
        "accept edits that delete most of a file or code the request does not name"),
    Key("language_model_url", str, None, ("DCX_LANGUAGE_MODEL_URL",),
        "OpenAI-compatible server for the router (base URL ending in /v1); unset: in-process"),
    Key("code_model_url", str, None, ("DCX_CODE_MODEL_URL",),
        "OpenAI-compatible server for the code model (base URL ending in /v1); unset: in-process"),
    Key("language_model_name", str, None, ("DCX_LANGUAGE_MODEL_NAME",),
        "the router's model name on its server (unset: the one model the server lists)"),
    Key("code_model_name", str, None, ("DCX_CODE_MODEL_NAME",),
        "the code model's name on its server (unset: the one model the server lists)"),
    Key("language_model_key_env", str, "DCX_API_KEY", ("DCX_LANGUAGE_MODEL_KEY_ENV",),
        "environment variable holding the router server's API key (the key itself is never "
        "read from config files)"),
    Key("code_model_key_env", str, "DCX_API_KEY", ("DCX_CODE_MODEL_KEY_ENV",),
        "environment variable holding the code model server's API key"),
    Key("http_timeout", int, 300, ("DCX_HTTP_TIMEOUT",),
        "seconds a model server may stay silent before dcx gives up on a request"),
    Key("http_retries", int, 2, ("DCX_HTTP_RETRIES",),
        "extra tries after a connection error or a server error (5xx), with backoff"),
    Key("weight_repack", bool, False, ("DCX_WEIGHT_REPACK",),
        "let llama.cpp repack the weights for this CPU (a second copy of them in memory; "
        "measured slower at reading prompts here)"),
    Key("prompt_lookup", int, 0, ("DCX_PROMPT_LOOKUP",),
        "code model: tokens drafted per step by prompt-lookup decoding (0: off; costs "
        "context_tokens x vocabulary floats of memory)"),
)
KEYS_BY_NAME = {k.name: k for k in KEYS}


@dataclass(frozen=True)
class Settings:
    language_model_path: str | None = None
    code_model_path: str | None = None
    language_model: str = DEFAULT_LANGUAGE_MODEL
    code_model: str = DEFAULT_CODE_MODEL
    dual_model_mode: bool = True
    backend: str = "llama_cpp"
    fake_script: str | None = None
    threads: int = 0
    context_tokens: int = 4096
    max_steps: int = 6
    code_retries: int = 2
    context_budget: int = 1500
    plan_first_call: bool = True
    router_review: bool = False
    test_rounds: int = 3
    rewrite_from_round: int = 3
    feedback_restart: bool = True
    test_timeout: int = 120
    allow_deletions: bool = False
    prompt_lookup: int = 0
    weight_repack: bool = False
    language_model_url: str | None = None
    code_model_url: str | None = None
    language_model_name: str | None = None
    code_model_name: str | None = None
    language_model_key_env: str = "DCX_API_KEY"
    code_model_key_env: str = "DCX_API_KEY"
    http_timeout: int = 300
    http_retries: int = 2
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def n_threads(self) -> int:
        return self.threads if self.threads > 0 else (os.cpu_count() or 1)

    def origin(self, name: str) -> str:
        return self.origins.get(name, "default")


def _coerce(key: Key, value: Any, origin: str) -> Any:
    if key.kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
    elif key.kind is int:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is not None and not isinstance(value, bool) and number >= 0:
            return number
    elif key.kind is str:
        if isinstance(value, str) and value.strip():
            return value
    raise ConfigError(
        f"{key.name} from {origin} must be {_kind_name(key.kind)}, not {value!r}"
    )


def _kind_name(kind: type) -> str:
    return {bool: "true or false", int: "a non-negative whole number", str: "a non-empty string"}[kind]


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML ({exc}); fix or remove it") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None


def _file_layer(table: Mapping[str, Any], path: Path, label: str) -> dict[str, tuple[Any, str]]:
    layer = {}
    for name, value in table.items():
        key = KEYS_BY_NAME.get(name.replace("-", "_"))
        if key is None and ("api_key" in name.replace("-", "_") or name in ("key", "token")):
            raise ConfigError(
                f"{label} holds {name!r}: dcx never reads API keys from config files; put the key "
                "in an environment variable (DCX_API_KEY, or the one code_model_key_env names)")
        if key is None:
            known = ", ".join(KEYS_BY_NAME)
            raise ConfigError(f"unknown key {name!r} in {label}; known keys: {known}")
        value = _coerce(key, value, label)
        if key.name.endswith("_path") and value:
            value = str((path.parent / Path(value).expanduser()).resolve())
        layer[key.name] = (value, label)
    return layer


def repo_config_layers(root: Path | None) -> list[dict[str, tuple[Any, str]]]:
    """Repository config layers, lowest precedence first."""
    if root is None:
        return []
    layers = []
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("dcx")
        if table is not None:
            if not isinstance(table, dict):
                raise ConfigError(f"[tool.dcx] in {pyproject} must be a table")
            layers.append(_file_layer(table, pyproject, f"{pyproject} [tool.dcx]"))
    dotfile = root / ".dcx.toml"
    if dotfile.is_file():
        layers.append(_file_layer(_read_toml(dotfile), dotfile, str(dotfile)))
    return layers


def _check_url(name: str, url: str, origin: str) -> None:
    """A model server's base URL: http(s), a host, and no credentials (keys go in the environment)."""
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


def user_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "dcx" / "config.toml"


def load_settings(
    repo_root: Path | None = None,
    flags: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    environ = os.environ if environ is None else environ
    layers: list[dict[str, tuple[Any, str]]] = []
    user = user_config_path()
    if user.is_file():
        layers.append(_file_layer(_read_toml(user), user, str(user)))
    layers.extend(repo_config_layers(repo_root))
    env_layer = {}
    for key in KEYS:
        for var in key.env:
            if environ.get(var, "") != "":
                env_layer[key.name] = (_coerce(key, environ[var], f"${var}"), f"${var}")
                break
    layers.append(env_layer)
    flag_layer = {}
    for name, value in (flags or {}).items():
        if value is not None:
            flag_layer[name] = (_coerce(KEYS_BY_NAME[name], value, "the command line"), "flag")
    layers.append(flag_layer)

    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for layer in layers:
        for name, (value, origin) in layer.items():
            values[name] = value
            origins[name] = origin
    if values.get("backend", "llama_cpp") not in ("llama_cpp", "fake"):
        raise ConfigError(
            f"backend from {origins['backend']} must be llama_cpp or fake, not {values['backend']!r}"
        )
    for name in ("language_model_url", "code_model_url"):
        if values.get(name):
            _check_url(name, values[name], origins[name])
    if values.get("http_timeout", 1) == 0:
        raise ConfigError(f"http_timeout from {origins['http_timeout']} must be at least 1 second")
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in values.items() if k in known}, origins=origins)
