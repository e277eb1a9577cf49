"""Every setting dcx has, in one table: the frozen ``Settings`` dataclass. Each field's metadata
holds its kind, its environment variables, its help and its scope (who may set it); ``KEYS`` is
derived from it. Also the places dcx keeps things (the user's config folder, the model cache),
and the settings read from the environment alone, before any config file is read.

This module and dcx.config are the only ones that read dcx's environment variables.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from dcx.errors import ConfigError
from dcx.packaged_models import DEFAULT_CODE_MODEL, DEFAULT_LANGUAGE_MODEL

# Who may set a key (see documentation/model_configuration.md, "Repository config and trust"):
REPO = "repository"  # harmless (a limit, a pipeline choice): any repository config may set it
TRUSTED = "trusted"  # reaches outside the repository (a file, a host, the machine's resources):
# a repository config may set it only once the user trusts that config (`dcx trust`)
USER = "user"  # only the user's own config, the environment or a flag: never a repository
SHOWN = "shown"  # a command: a repository's config may name it, but it runs only once the user
# trusts that config; until then dcx says it is there and does not run it
ENVIRONMENT = "environment"  # only the environment: needed before any config file is read

# Kinds of value: "bool", "int" (non-negative), "str" (non-empty), "hosts" (host names; a
# comma-separated list in the environment), "set" (any non-empty value means true: NO_COLOR).
KINDS = ("bool", "int", "str", "hosts", "set")


def _setting(default: Any, kind: str, env: tuple[str, ...], help: str, scope: str,
             bounds: tuple[int, int] | None = None) -> Any:
    """A setting; ``bounds`` (lowest, highest) for a whole number whose value outside them would
    switch a safeguard off (a zero timeout) or let a run go on without end (a million retries)."""
    return field(default=default, metadata={"kind": kind, "env": env, "help": help, "scope": scope,
                                            "bounds": bounds})


@dataclass(frozen=True)
class Settings:
    language_model_path: str | None = _setting(
        None, "str", ("LANGUAGE_MODEL_PATH", "DCX_LANGUAGE_MODEL_PATH"),
        "GGUF file for the language model (the router)", TRUSTED)
    code_model_path: str | None = _setting(
        None, "str", ("LOCAL_MODEL_PATH", "DCX_CODE_MODEL_PATH"), "GGUF file for the code model", TRUSTED)
    language_model: str = _setting(
        DEFAULT_LANGUAGE_MODEL, "str", ("DCX_LANGUAGE_MODEL",),
        "packaged model used as router when no path is set", TRUSTED)
    code_model: str = _setting(
        DEFAULT_CODE_MODEL, "str", ("DCX_CODE_MODEL",),
        "packaged model used as code model when no path is set", TRUSTED)
    dual_model_mode: bool = _setting(
        True, "bool", ("DUAL_MODEL_MODE", "DCX_DUAL_MODEL_MODE"),
        "false: the code model also plans (single-model mode)", TRUSTED)
    threads: int = _setting(0, "int", ("DCX_THREADS",), "CPU threads for inference (0: all cores)",
                            TRUSTED)
    context_tokens: int = _setting(8192, "int", ("DCX_CONTEXT_TOKENS",),
                                   "context window per model (memory grows with it)", TRUSTED)
    max_steps: int = _setting(6, "int", ("DCX_MAX_STEPS",), "router tool calls per request", REPO,
                              (1, 50))
    code_retries: int = _setting(2, "int", ("DCX_CODE_RETRIES",),
                                 "extra tries when code does not validate", REPO, (0, 10))
    context_budget: int = _setting(1500, "int", ("DCX_CONTEXT_BUDGET",),
                                   "tokens of repository context given to the router", REPO,
                                   (100, 100_000))
    plan_first_call: bool = _setting(
        True, "bool", ("DCX_PLAN_FIRST_CALL",),
        "in fix mode dcx makes the plain calls itself: the first edit when the context shows "
        "where it goes, and edits of files that still use a renamed name", REPO)
    router_review: bool = _setting(
        False, "bool", ("DCX_ROUTER_REVIEW",),
        "after dcx's own first edit, let the router review it and continue (default: finish)", REPO)
    test_rounds: int = _setting(3, "int", ("DCX_TEST_ROUNDS",),
                                "extra attempts with the failing test output (fix --test)", REPO,
                                (0, 10))
    rewrite_from_round: int = _setting(
        3, "int", ("DCX_REWRITE_FROM_ROUND",),
        "from this test round on, a Python function that still fails is written anew: the code "
        "model sees its signature, docstring and tests but not its body (0: never)", REPO)
    request_tests: bool = _setting(
        True, "bool", ("DCX_REQUEST_TESTS",),
        "fix --test: when every test passes before any change, the code model writes a test from "
        "the request's examples; one that fails on the code as it is checks every attempt "
        "(in scratch copies only)", REPO)
    feedback_restart: bool = _setting(
        True, "bool", ("DCX_FEEDBACK_RESTART",),
        "after failing tests, start again from the original files (told what failed) instead "
        "of building on the failed change", REPO)
    build_on_progress: bool = _setting(
        True, "bool", ("DCX_BUILD_ON_PROGRESS",),
        "after failing tests, build once on an attempt that made fewer tests fail and broke none "
        "(planned from its files and the tests that still fail) before starting again", REPO)
    test_command: str | None = _setting(
        None, "str", ("DCX_TEST_COMMAND",),
        "the command that runs the tests (no shell): `dcx fix` checks each attempt with it, as "
        "with --test, and `dcx check` runs it when given no command; named by a repository's "
        "config, it runs only once you trust that config", SHOWN)
    test_timeout: int = _setting(120, "int", ("DCX_TEST_TIMEOUT",), "seconds one test run may take",
                                 REPO, (1, 86_400))
    allow_deletions: bool = _setting(
        False, "bool", ("DCX_ALLOW_DELETIONS",),
        "accept edits that delete most of a file or code the request does not name (a safeguard "
        "off: a repository's config may set it only once trusted)", TRUSTED)
    answer_model: str = _setting(
        "code", "str", ("DCX_ANSWER_MODEL",),
        "who writes the answer of `dcx ask` and of questions in `dcx chat`: code (the code "
        "model, from the definitions dcx ranks for the question, with checked path:line "
        "citations) or router (the router's tool loop, in its finish call)", REPO)
    prompt_lookup: int = _setting(
        0, "int", ("DCX_PROMPT_LOOKUP",),
        "code model: tokens drafted per step by prompt-lookup decoding (0: off; costs "
        "context_tokens x vocabulary floats of memory)", TRUSTED)
    weight_repack: bool = _setting(
        False, "bool", ("DCX_WEIGHT_REPACK",),
        "let llama.cpp repack the weights for this CPU (a second copy of them in memory)", TRUSTED)
    language_model_url: str | None = _setting(
        None, "str", ("DCX_LANGUAGE_MODEL_URL",),
        "OpenAI-compatible server for the router (base URL ending in /v1); unset: in-process", TRUSTED)
    code_model_url: str | None = _setting(
        None, "str", ("DCX_CODE_MODEL_URL",),
        "OpenAI-compatible server for the code model (base URL ending in /v1); unset: in-process",
        TRUSTED)
    language_model_name: str | None = _setting(
        None, "str", ("DCX_LANGUAGE_MODEL_NAME",),
        "the router's model name on its server (unset: the one model the server lists)", TRUSTED)
    code_model_name: str | None = _setting(
        None, "str", ("DCX_CODE_MODEL_NAME",),
        "the code model's name on its server (unset: the one model the server lists)", TRUSTED)
    language_model_key_env: str = _setting(
        "DCX_API_KEY", "str", ("DCX_LANGUAGE_MODEL_KEY_ENV",),
        "environment variable holding the router server's API key (the key itself is never "
        "read from config files)", USER)
    code_model_key_env: str = _setting(
        "DCX_API_KEY", "str", ("DCX_CODE_MODEL_KEY_ENV",),
        "environment variable holding the code model server's API key", USER)
    http_timeout: int = _setting(300, "int", ("DCX_HTTP_TIMEOUT",),
                                 "seconds a model server may stay silent before dcx gives up", REPO,
                                 (1, 86_400))
    http_retries: int = _setting(
        2, "int", ("DCX_HTTP_RETRIES",),
        "extra tries after a connection error or a server error (5xx), with backoff", REPO, (0, 10))
    allow_http_hosts: tuple[str, ...] = _setting(
        (), "hosts", ("DCX_ALLOW_HTTP_HOSTS",),
        "hosts other than this machine that model servers may be reached on by plain http://",
        USER)
    progress: bool | None = _setting(
        None, "bool", ("DCX_PROGRESS",),
        "progress lines on stderr: true or false (unset: when stderr is a terminal)", ENVIRONMENT)
    home: str | None = _setting(
        None, "str", ("DCX_HOME",),
        "where dcx assembles the packaged models (unset: $XDG_CACHE_HOME/dcx, ~/.cache/dcx)",
        ENVIRONMENT)
    no_color: bool = _setting(False, "set", ("NO_COLOR",),
                              "any value: no colours in the diff on a terminal", ENVIRONMENT)
    # Not settings: where each value came from, for messages and for the rules on API keys.
    origins: Mapping[str, str] = field(default_factory=dict, compare=False)
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)
    user_urls: frozenset[str] = field(default_factory=frozenset, compare=False)
    # Keys a repository's config names that are not used until the user trusts it (a command):
    # name -> (value, the config's label).
    withheld: Mapping[str, tuple[Any, str]] = field(default_factory=dict, compare=False)

    @property
    def n_threads(self) -> int:
        return self.threads if self.threads > 0 else (os.cpu_count() or 1)

    def origin(self, name: str) -> str:
        """Where the value came from, for messages: "default", "flag", "$VAR" or a file."""
        return self.origins.get(name, "default")

    def source(self, name: str) -> str:
        """Which layer the value came from: default, repository, user, environment or flag."""
        return self.sources.get(name, "default")


@dataclass(frozen=True)
class Key:
    name: str
    kind: str
    default: Any
    env: tuple[str, ...]
    help: str
    scope: str
    bounds: tuple[int, int] | None = None  # an "int" key's lowest and highest value


KEYS: tuple[Key, ...] = tuple(
    Key(f.name, f.metadata["kind"], f.default, f.metadata["env"], f.metadata["help"],
        f.metadata["scope"], f.metadata["bounds"])
    for f in fields(Settings) if "kind" in f.metadata
)
KEYS_BY_NAME = {k.name: k for k in KEYS}


def coerce(key: Key, value: Any, origin: str) -> Any:
    """``value`` (from a TOML file, the environment or a flag) as ``key``'s kind, or a ConfigError
    that says where it came from and what it must be."""
    if key.kind == "set":
        return bool(value)
    if key.kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
    elif key.kind == "int":
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is not None and not isinstance(value, bool) and number >= 0:
            low, high = key.bounds or (0, number)
            if not low <= number <= high:
                raise ConfigError(f"{key.name} from {origin} must be a whole number from {low} to "
                                  f"{high}, not {value!r}")
            return number
    elif key.kind == "str":
        if isinstance(value, str) and value.strip():
            return value
    elif key.kind == "hosts":
        hosts = value.split(",") if isinstance(value, str) else value
        if isinstance(hosts, (list, tuple)) and all(isinstance(h, str) for h in hosts):
            return tuple(h.strip().lower() for h in hosts if h.strip())
    raise ConfigError(f"{key.name} from {origin} must be {_kind_name(key.kind)}, not {value!r}")


def _kind_name(kind: str) -> str:
    return {"bool": "true or false", "int": "a non-negative whole number",
            "str": "a non-empty string",
            "hosts": 'a list of host names (["gpu-box"]; in the environment: gpu-box,other)'}[kind]


def from_environment(name: str, environ: Mapping[str, str] | None = None) -> Any:
    """One setting from the environment alone (its first variable that is set and not empty),
    or its default: for what is needed before or without loading settings (progress lines,
    colours, the model cache)."""
    key = KEYS_BY_NAME[name]
    environ = os.environ if environ is None else environ
    for var in key.env:
        if environ.get(var, "") != "":
            return coerce(key, environ[var], f"${var}")
    return key.default


def api_key(var: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The API key held by the environment variable ``var`` (None: unset or empty); a key that
    an HTTP header cannot carry is an error that names the variable, never the key."""
    environ = os.environ if environ is None else environ
    key = environ.get(var, "").strip() or None
    if key is not None and (not key.isascii() or not key.isprintable() or " " in key):
        raise ConfigError(f"the API key in ${var} has characters an HTTP header cannot carry; "
                          "check the variable")
    return key


def is_loopback(host: str) -> bool:
    """True for this machine's own addresses: localhost, 127.0.0.0/8, ::1. Not a name under
    .localhost: whether the resolver keeps those on this machine depends on the system."""
    host = host.lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# -- where dcx keeps things (the XDG base directories) ---------------------------------------


def user_config_dir() -> Path:
    """The user's own dcx folder: config.toml and the record of trusted repositories."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "dcx"


def user_config_path() -> Path:
    return user_config_dir() / "config.toml"


def dcx_home() -> Path:
    """Where packaged models are assembled: $DCX_HOME, else $XDG_CACHE_HOME/dcx (~/.cache/dcx)."""
    explicit = from_environment("home")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dcx"
