import pytest

from settingsfile.errors import ConfigSyntaxError, ConfigValueError
from settingsfile.loader import load_settings
from settingsfile.parser import parse
from settingsfile.schema import Option, Schema
from settingsfile.values import to_duration

CONF = """\
# service settings
name = billing

[Server]
host = 0.0.0.0
PORT = 8080
debug = off

; cache
[cache]
ttl = 5m
backends = redis, memory
"""

SCHEMA = Schema([
    Option("main.name", "str"),
    Option("server.port", "int", 8000),
    Option("server.debug", "bool", False),
    Option("server.workers", "int", 4),
    Option("cache.ttl", "duration", 60),
    Option("cache.backends", "list", []),
])


def test_parse_sections_and_keys():
    data = parse(CONF)
    assert data["main"] == {"name": "billing"}
    assert data["server"] == {"host": "0.0.0.0", "port": "8080", "debug": "off"}


def test_typed_values_and_defaults():
    s = load_settings(CONF, SCHEMA)
    assert s.get("server.port") == 8080
    assert s.get("server.debug") is False
    assert s.get("server.workers") == 4
    assert s.get("cache.ttl") == 300
    assert s.get("cache.backends") == ["redis", "memory"]
    assert s.extra == {"server.host": "0.0.0.0"}


def test_environment_overrides():
    s = load_settings(CONF, SCHEMA, environ={"SERVER_PORT": "9000"})
    assert s.get("server.port") == 9000


def test_bad_value_names_option():
    with pytest.raises(ConfigValueError) as info:
        load_settings("[server]\nport = eighty\n", SCHEMA)
    assert str(info.value) == "server.port: not an integer: 'eighty'"


def test_unclosed_section():
    with pytest.raises(ConfigSyntaxError) as info:
        parse("a = 1\n[server\nport = 1\n")
    assert str(info.value) == "line 2: unclosed section header"


def test_durations():
    assert to_duration("250ms") == 0.25
    assert to_duration("2h") == 7200
    with pytest.raises(ConfigValueError):
        to_duration("soon")


def test_option_names():
    with pytest.raises(ValueError):
        Option("port", "int")
    assert Option("server.port").env_var == "SERVER_PORT"


def test_value_may_contain_equals():
    assert parse("[db]\nurl = postgres://h/db?sslmode=require\n")["db"]["url"] == \
        "postgres://h/db?sslmode=require"
