import pytest

from settingsfile.errors import ConfigError, ConfigSyntaxError
from settingsfile.loader import load_settings
from settingsfile.parser import parse
from settingsfile.schema import Schema


def test_line_without_equals():
    text = "# comment\n[server]\nport = 8080\ndebug true\n"
    with pytest.raises(ConfigSyntaxError) as info:
        parse(text)
    assert str(info.value) == "line 4: expected 'key = value', got 'debug true'"


def test_line_number_counts_blank_and_comment_lines():
    text = "\n\n; header\n\n[cache]\n\n   backends redis\n"
    with pytest.raises(ConfigSyntaxError) as info:
        parse(text)
    assert str(info.value) == "line 7: expected 'key = value', got 'backends redis'"


def test_missing_key():
    with pytest.raises(ConfigSyntaxError) as info:
        parse("[server]\n = 8080\n")
    assert str(info.value) == "line 2: missing key before '='"


def test_raised_through_load_settings():
    with pytest.raises(ConfigError) as info:
        load_settings("verbose\n", Schema([]))
    assert str(info.value) == "line 1: expected 'key = value', got 'verbose'"
