"""Variable scopes used while rendering."""


class Context:
    """A stack of variable scopes; inner scopes shadow outer ones."""

    def __init__(self, data=None):
        self._scopes = [dict(data or {})]

    def push(self, scope=None):
        """Enter a new inner scope (e.g. the body of a for loop)."""
        self._scopes.append(dict(scope or {}))

    def pop(self):
        """Leave the innermost scope."""
        if len(self._scopes) == 1:
            raise RuntimeError("cannot pop the root scope")
        self._scopes.pop()

    def set(self, name, value):
        """Bind *name* in the innermost scope."""
        self._scopes[-1][name] = value

    def lookup(self, name):
        """Return the value bound to *name*, or None when it is not bound."""
        for scope in reversed(self._scopes):
            value = scope.get(name)
            if value:
                return value
        return None

    def resolve(self, path: str):
        """Resolve a dotted path such as ``user.address.city``.

        Each step looks up a dict key, then an attribute, then (for digits)
        a list index.  Returns None as soon as a step cannot be resolved.
        """
        head, *rest = path.split(".")
        value = self.lookup(head)
        for part in rest:
            if value is None:
                return None
            value = _step(value, part)
        return value


def _step(value, part):
    if isinstance(value, dict):
        return value.get(part)
    if part.isdigit() and isinstance(value, (list, tuple)):
        index = int(part)
        return value[index] if index < len(value) else None
    return getattr(value, part, None)
