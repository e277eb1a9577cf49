"""Built-in filters applied with ``{{ value|name }}`` or ``{{ value|name:"arg" }}``."""


def _upper(value, arg=None):
    return str(value).upper()


def _lower(value, arg=None):
    return str(value).lower()


def _title(value, arg=None):
    return str(value).title()


def _length(value, arg=None):
    return len(value) if value is not None else 0


def _join(value, arg=None):
    sep = ", " if arg is None else arg
    return sep.join(str(v) for v in (value or []))


def _default(value, arg=None):
    """Use *arg* when the value is missing or an empty string."""
    return arg if value is None or value == "" else value


def _truncate(value, arg=None):
    limit = int(arg) if arg is not None else 20
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


FILTERS = {
    "upper": _upper,
    "lower": _lower,
    "title": _title,
    "length": _length,
    "join": _join,
    "default": _default,
    "truncate": _truncate,
}


def apply_filter(name: str, value, arg=None):
    """Apply the filter called *name* to *value*."""
    try:
        func = FILTERS[name]
    except KeyError:
        raise KeyError(f"unknown filter: {name}") from None
    return func(value, arg)
