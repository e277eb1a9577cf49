"""Parse tokens into a tree of nodes that can render themselves."""

from .filters import apply_filter
from .lexer import TemplateSyntaxError


def to_text(value) -> str:
    """Convert a rendered value to text; None becomes an empty string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class TextNode:
    def __init__(self, text):
        self.text = text

    def render(self, ctx):
        return self.text


class VarNode:
    """``{{ path|filter:"arg"|other }}``"""

    def __init__(self, expr):
        path, *filters = [p.strip() for p in expr.split("|")]
        if not path:
            raise TemplateSyntaxError("empty variable tag")
        self.path = path
        self.filters = [self._parse_filter(f) for f in filters]

    @staticmethod
    def _parse_filter(text):
        name, sep, arg = text.partition(":")
        if sep:
            arg = arg.strip()
            if len(arg) >= 2 and arg[0] == arg[-1] and arg[0] in "\"'":
                arg = arg[1:-1]
            return name.strip(), arg
        return name.strip(), None

    def evaluate(self, ctx):
        value = ctx.resolve(self.path)
        for name, arg in self.filters:
            value = apply_filter(name, value, arg)
        return value

    def render(self, ctx):
        return to_text(self.evaluate(ctx))


class IfNode:
    def __init__(self, condition, body, else_body):
        self.condition = condition
        self.body = body
        self.else_body = else_body

    def render(self, ctx):
        negate = self.condition.startswith("not ")
        path = self.condition[4:].strip() if negate else self.condition
        truthy = bool(ctx.resolve(path))
        branch = self.body if truthy != negate else self.else_body
        return "".join(node.render(ctx) for node in branch)


class ForNode:
    def __init__(self, var, iterable, body):
        self.var = var
        self.iterable = iterable
        self.body = body

    def render(self, ctx):
        items = ctx.resolve(self.iterable) or []
        out = []
        ctx.push()
        try:
            for index, item in enumerate(items):
                ctx.set(self.var, item)
                ctx.set("loop", {"index": index + 1, "first": index == 0,
                                 "last": index == len(items) - 1})
                out.extend(node.render(ctx) for node in self.body)
        finally:
            ctx.pop()
        return "".join(out)


def parse(tokens):
    """Turn a token list into a list of nodes."""
    nodes, end = _parse_until(tokens, 0, ())
    if end is not None:
        raise TemplateSyntaxError(f"unexpected {{% {end[0]} %}}")
    return nodes


def _parse_until(tokens, pos, stop):
    nodes = []
    while pos < len(tokens):
        tok = tokens[pos]
        pos += 1
        if tok.kind == "text":
            nodes.append(TextNode(tok.value))
        elif tok.kind == "var":
            nodes.append(VarNode(tok.value))
        else:
            word, _, rest = tok.value.partition(" ")
            if word in stop:
                return nodes, (word, pos)
            if word == "if":
                body, end = _parse_until(tokens, pos, ("else", "endif"))
                else_body = []
                if end and end[0] == "else":
                    else_body, end = _parse_until(tokens, end[1], ("endif",))
                if not end:
                    raise TemplateSyntaxError(f"unclosed if on line {tok.line}")
                pos = end[1]
                nodes.append(IfNode(rest.strip(), body, else_body))
            elif word == "for":
                parts = rest.split()
                if len(parts) != 3 or parts[1] != "in":
                    raise TemplateSyntaxError(f"bad for tag on line {tok.line}")
                body, end = _parse_until(tokens, pos, ("endfor",))
                if not end:
                    raise TemplateSyntaxError(f"unclosed for on line {tok.line}")
                pos = end[1]
                nodes.append(ForNode(parts[0], parts[2], body))
            else:
                raise TemplateSyntaxError(f"unknown tag {word!r} on line {tok.line}")
    return nodes, None
