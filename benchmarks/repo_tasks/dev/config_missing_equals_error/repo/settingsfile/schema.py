"""Declared options: their types and defaults."""

from dataclasses import dataclass
from typing import Any

from .values import CONVERTERS


@dataclass(frozen=True)
class Option:
    """An option called ``section.key`` of a given type."""

    name: str
    type: str = "str"
    default: Any = None

    def __post_init__(self):
        if "." not in self.name:
            raise ValueError(f"option names look like 'section.key', not {self.name!r}")
        if self.type not in CONVERTERS:
            raise ValueError(f"unknown option type: {self.type}")

    @property
    def section(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def key(self) -> str:
        return self.name.split(".", 1)[1]

    @property
    def env_var(self) -> str:
        """Environment variable overriding the option, e.g. ``SERVER_PORT``."""
        return self.name.replace(".", "_").upper()


class Schema:
    def __init__(self, options):
        self.options = {opt.name: opt for opt in options}

    def __iter__(self):
        return iter(self.options.values())

    def __contains__(self, name):
        return name in self.options
