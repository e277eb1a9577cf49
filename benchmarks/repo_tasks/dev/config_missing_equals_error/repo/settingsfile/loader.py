"""Putting it together: text + schema + environment -> settings."""

from .errors import ConfigValueError
from .parser import parse
from .values import convert


class Settings:
    """Typed settings; look values up as ``settings.get("server.port")``."""

    def __init__(self, values: dict, extra: dict):
        self._values = values
        self.extra = extra  # keys found in the file but not in the schema

    def get(self, name: str):
        try:
            return self._values[name]
        except KeyError:
            raise KeyError(f"unknown option: {name}") from None

    def as_dict(self) -> dict:
        return dict(self._values)


def load_settings(text: str, schema, environ=None) -> Settings:
    """Parse *text*, convert values per *schema*, then apply overrides.

    Environment variables named after options (``SERVER_PORT`` for
    ``server.port``) take precedence over the file.
    """
    environ = {} if environ is None else environ
    raw = parse(text)
    values = {}
    for option in schema:
        source = raw.get(option.section, {})
        if option.env_var in environ:
            value = environ[option.env_var]
        elif option.key in source:
            value = source[option.key]
        else:
            values[option.name] = option.default
            continue
        try:
            values[option.name] = convert(value, option.type)
        except ConfigValueError as exc:
            raise ConfigValueError(f"{option.name}: {exc}") from None
    extra = {f"{section}.{key}": value
             for section, keys in raw.items() for key, value in keys.items()
             if f"{section}.{key}" not in schema}
    return Settings(values, extra)
