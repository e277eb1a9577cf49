"""Public entry points: compile a template once, render it many times."""

from .context import Context
from .lexer import tokenize
from .nodes import parse


class Template:
    """A compiled template."""

    def __init__(self, source: str):
        self.source = source
        self.nodes = parse(tokenize(source))

    def render(self, data=None) -> str:
        """Render the template with the variables in *data*."""
        ctx = Context(data)
        return "".join(node.render(ctx) for node in self.nodes)


def render(source: str, data=None) -> str:
    """Compile *source* and render it with *data* in one go."""
    return Template(source).render(data)
