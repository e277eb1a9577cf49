"""Exceptions for configuration problems."""


class ConfigError(Exception):
    """Base class for configuration errors."""


class ConfigSyntaxError(ConfigError):
    """The file is not valid configuration syntax."""


class ConfigValueError(ConfigError):
    """A value does not have the type its option requires."""
