"""tmplkit: a tiny text templating engine."""

from .render import Template, render

__all__ = ["Template", "render"]
