"""Settings: one table (dcx.settings.Settings), and the precedence
flag > environment > user config > repository config > defaults."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from dcx.config import load_settings
from dcx.errors import ConfigError
from dcx.progress import Reporter
from dcx.settings import (
    ENVIRONMENT,
    KEYS,
    REPO,
    SHOWN,
    TRUSTED,
    USER,
    Settings,
    dcx_home,
    from_environment,
    user_config_path,
)
from dcx.trust import trust_repository

DOCS = Path(__file__).resolve().parent.parent / "documentation" / "model_configuration.md"


def write_user_config(text: str) -> Path:
    user = user_config_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text(text)
    return user


def test_defaults(tmp_path) -> None:
    settings = load_settings(tmp_path, environ={})
    assert settings.dual_model_mode is True and settings.language_model_path is None
    assert settings.origin("max_steps") == "default" and settings.source("max_steps") == "default"
    assert settings.n_threads >= 1
    assert settings.allow_http_hosts == () and settings.progress is None


def test_the_key_list_is_the_settings_table() -> None:
    """Each setting is written once: its default, kind, variables, help and scope are the
    dataclass field's; KEYS is derived from it."""
    table = [f for f in fields(Settings) if "kind" in f.metadata]
    assert [k.name for k in KEYS] == [f.name for f in table]
    assert all(k.default == f.default for k, f in zip(KEYS, table, strict=True))
    assert {k.scope for k in KEYS} == {REPO, TRUSTED, USER, SHOWN, ENVIRONMENT}
    assert "backend" not in [k.name for k in KEYS] and "fake_script" not in [k.name for k in KEYS]
    assert Settings() == load_settings(None, environ={})  # the defaults are the table's


def test_the_documentation_lists_every_key_and_variable() -> None:
    text = DOCS.read_text()
    for key in KEYS:
        assert re.search(rf"`{key.name}`", text) or key.scope == ENVIRONMENT, key.name
        assert f"`{key.env[0]}`" in text, key.env[0]
        row = next((line for line in text.splitlines() if line.startswith(f"| `{key.name}` |")), "")
        assert key.scope == ENVIRONMENT or key.scope in row, (key.name, key.scope, row)


def test_precedence_chain(tmp_path) -> None:
    """flag > environment > user config > repository config (.dcx.toml over [tool.dcx]) > default."""
    user = write_user_config("max_steps = 3\ncontext_budget = 900\n")
    (tmp_path / "pyproject.toml").write_text("[tool.dcx]\nmax_steps = 5\ncode_retries = 5\n"
                                             "test_rounds = 1\n")
    (tmp_path / ".dcx.toml").write_text("max_steps = 7\ntest_rounds = 2\ntest_timeout = 30\n")
    env = {"DCX_CONTEXT_BUDGET": "800", "DCX_THREADS": "2"}
    settings = load_settings(tmp_path, {"max_steps": None, "threads": 9}, environ=env)
    assert settings.max_steps == 3 and settings.origin("max_steps") == str(user)  # user over repo
    assert settings.source("max_steps") == "user"
    assert settings.code_retries == 5 and "[tool.dcx]" in settings.origin("code_retries")
    assert settings.source("code_retries") == "repository"
    assert settings.test_rounds == 2  # .dcx.toml over pyproject
    assert settings.context_budget == 800 and settings.origin("context_budget") == "$DCX_CONTEXT_BUDGET"
    assert settings.threads == 9 and settings.origin("threads") == "flag"
    user.unlink()
    assert load_settings(tmp_path, environ={}).max_steps == 7


def test_seed_environment_variables(tmp_path) -> None:
    env = {"LANGUAGE_MODEL_PATH": "/m/router.gguf", "LOCAL_MODEL_PATH": "/m/code.gguf",
           "DUAL_MODEL_MODE": "false"}
    settings = load_settings(tmp_path, environ=env)
    assert settings.language_model_path == "/m/router.gguf"
    assert settings.code_model_path == "/m/code.gguf"
    assert settings.dual_model_mode is False
    assert settings.origin("code_model_path") == "$LOCAL_MODEL_PATH"


def test_config_paths_are_relative_to_the_config_file(tmp_path) -> None:
    write_user_config('code_model_path = "models/c.gguf"\n')
    settings = load_settings(tmp_path, environ={})
    assert settings.code_model_path == str(user_config_path().parent / "models" / "c.gguf")
    (tmp_path / ".dcx.toml").write_text('language_model_path = "models/r.gguf"\n')
    trust_repository(tmp_path)
    assert load_settings(tmp_path, environ={}).language_model_path == str(tmp_path / "models" / "r.gguf")


def test_unknown_key_is_named(tmp_path) -> None:
    (tmp_path / ".dcx.toml").write_text("max_stpes = 3\n")
    with pytest.raises(ConfigError, match="unknown key 'max_stpes'"):
        load_settings(tmp_path, environ={})


@pytest.mark.parametrize("text, key", [('backend = "fake"\n', "backend"),
                                       ('fake_script = "replies.json"\n', "fake_script")])
def test_a_test_double_is_not_a_setting(tmp_path, text, key) -> None:
    """A repository cannot script dcx's models: the fake backend's settings are gone."""
    (tmp_path / ".dcx.toml").write_text(text)
    with pytest.raises(ConfigError, match=f"unknown key '{key}'"):
        load_settings(tmp_path, environ={})
    write_user_config(text)
    with pytest.raises(ConfigError, match=f"unknown key '{key}'"):
        load_settings(None, environ={})


@pytest.mark.parametrize("env, message", [
    ({"DUAL_MODEL_MODE": "maybe"}, "dual_model_mode from $DUAL_MODEL_MODE must be true or false"),
    ({"DCX_MAX_STEPS": "-1"}, "max_steps from $DCX_MAX_STEPS must be a non-negative whole number"),
    ({"DCX_PROGRESS": "sometimes"}, "progress from $DCX_PROGRESS must be true or false"),
])
def test_bad_values_say_where_they_came_from(tmp_path, env, message) -> None:
    with pytest.raises(ConfigError, match=message.replace("$", r"\$")):
        load_settings(tmp_path, environ=env)


def test_broken_toml_is_a_config_error(tmp_path) -> None:
    (tmp_path / ".dcx.toml").write_text("max_steps = = 3\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(tmp_path, environ={})


def test_settings_of_the_environment_alone(monkeypatch, tmp_path) -> None:
    """DCX_PROGRESS, NO_COLOR and DCX_HOME are in the table too, read by from_environment before
    any config exists; a config file that sets them is told where they go."""
    assert from_environment("progress", {}) is None
    assert from_environment("progress", {"DCX_PROGRESS": "1"}) is True
    assert from_environment("progress", {"DCX_PROGRESS": "0"}) is False
    assert from_environment("no_color", {"NO_COLOR": "1"}) is True
    assert from_environment("no_color", {"NO_COLOR": ""}) is False  # no-color.org: non-empty
    monkeypatch.setenv("DCX_PROGRESS", "1")
    assert Reporter().enabled  # stderr is not a terminal here: forced on
    monkeypatch.setenv("DCX_PROGRESS", "0")
    assert not Reporter().enabled
    monkeypatch.setenv("DCX_HOME", str(tmp_path / "models-home"))
    assert dcx_home() == tmp_path / "models-home"
    monkeypatch.delenv("DCX_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert dcx_home() == tmp_path / "cache" / "dcx"
    write_user_config("progress = true\n")
    with pytest.raises(ConfigError, match=r"progress in .* can be set only in the environment "
                                          r"\(\$DCX_PROGRESS\)"):
        load_settings(None, environ={})


def test_allow_http_hosts_takes_a_list_or_a_comma_separated_variable(tmp_path) -> None:
    write_user_config('allow_http_hosts = ["GPU-box", "lab.lan"]\n')
    assert load_settings(None, environ={}).allow_http_hosts == ("gpu-box", "lab.lan")
    env = {"DCX_ALLOW_HTTP_HOSTS": "a.lan, b.lan"}
    assert load_settings(None, environ=env).allow_http_hosts == ("a.lan", "b.lan")
    write_user_config("allow_http_hosts = 7\n")
    with pytest.raises(ConfigError, match="allow_http_hosts from .* must be a list of host names"):
        load_settings(None, environ={})
