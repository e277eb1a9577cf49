"""Settings precedence: flag > environment > repository config > user config > defaults."""

from __future__ import annotations

import pytest

from dcx.config import load_settings, user_config_path
from dcx.errors import ConfigError


def test_defaults(tmp_path) -> None:
    settings = load_settings(tmp_path, environ={})
    assert settings.dual_model_mode is True and settings.language_model_path is None
    assert settings.origin("max_steps") == "default"
    assert settings.n_threads >= 1


def test_precedence_chain(tmp_path) -> None:
    user = user_config_path()
    user.parent.mkdir(parents=True)
    user.write_text("max_steps = 3\ncode_retries = 4\ncontext_budget = 900\nthreads = 1\n")
    (tmp_path / "pyproject.toml").write_text("[tool.dcx]\nmax_steps = 5\ncode_retries = 5\nthreads = 2\n")
    (tmp_path / ".dcx.toml").write_text("max_steps = 7\nthreads = 3\n")
    env = {"DCX_MAX_STEPS": "8"}
    settings = load_settings(tmp_path, {"max_steps": None, "threads": 9}, environ=env)
    assert settings.context_budget == 900 and settings.origin("context_budget") == str(user)
    assert settings.code_retries == 5 and "[tool.dcx]" in settings.origin("code_retries")
    assert settings.max_steps == 8 and settings.origin("max_steps") == "$DCX_MAX_STEPS"
    assert settings.threads == 9 and settings.origin("threads") == "flag"
    assert load_settings(tmp_path, environ={}).max_steps == 7  # .dcx.toml over pyproject


def test_seed_environment_variables(tmp_path) -> None:
    env = {"LANGUAGE_MODEL_PATH": "/m/router.gguf", "LOCAL_MODEL_PATH": "/m/code.gguf",
           "DUAL_MODEL_MODE": "false"}
    settings = load_settings(tmp_path, environ=env)
    assert settings.language_model_path == "/m/router.gguf"
    assert settings.code_model_path == "/m/code.gguf"
    assert settings.dual_model_mode is False
    assert settings.origin("code_model_path") == "$LOCAL_MODEL_PATH"


def test_config_paths_are_relative_to_the_config_file(tmp_path) -> None:
    (tmp_path / ".dcx.toml").write_text('code_model_path = "models/c.gguf"\n')
    settings = load_settings(tmp_path, environ={})
    assert settings.code_model_path == str(tmp_path / "models" / "c.gguf")


def test_unknown_key_is_named(tmp_path) -> None:
    (tmp_path / ".dcx.toml").write_text("max_stpes = 3\n")
    with pytest.raises(ConfigError, match="unknown key 'max_stpes'"):
        load_settings(tmp_path, environ={})


@pytest.mark.parametrize("env, message", [
    ({"DUAL_MODEL_MODE": "maybe"}, "dual_model_mode from $DUAL_MODEL_MODE must be true or false"),
    ({"DCX_MAX_STEPS": "-1"}, "max_steps from $DCX_MAX_STEPS must be a non-negative whole number"),
    ({"DCX_BACKEND": "gpt"}, "backend from $DCX_BACKEND must be llama_cpp or fake"),
])
def test_bad_values_say_where_they_came_from(tmp_path, env, message) -> None:
    with pytest.raises(ConfigError, match=message.replace("$", r"\$")):
        load_settings(tmp_path, environ=env)


def test_broken_toml_is_a_config_error(tmp_path) -> None:
    (tmp_path / ".dcx.toml").write_text("max_steps = = 3\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(tmp_path, environ={})
