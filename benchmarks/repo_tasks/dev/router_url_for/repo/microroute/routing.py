"""Route patterns and the router that matches requests to them."""

import re

CONVERTERS = {
    # name: (regex, python conversion)
    "str": (r"[^/]+", str),
    "int": (r"\d+", int),
    "path": (r".+", str),
}

_PARAM_RE = re.compile(r"<(?:(\w+):)?(\w+)>")


class NotFound(Exception):
    """No route matches the path."""


class MethodNotAllowed(Exception):
    """A route matches the path but not the method."""

    def __init__(self, allowed):
        super().__init__(f"allowed: {', '.join(sorted(allowed))}")
        self.allowed = set(allowed)


class Route:
    """A path pattern such as ``/users/<int:user_id>`` bound to a handler."""

    def __init__(self, pattern: str, handler, methods=("GET",)):
        if not pattern.startswith("/"):
            raise ValueError("route patterns must start with '/'")
        self.pattern = pattern
        self.handler = handler
        self.methods = {m.upper() for m in methods}
        self.params = []  # [(name, converter name)]
        self._regex = self._compile(pattern)

    def _compile(self, pattern):
        regex, pos = "", 0
        for match in _PARAM_RE.finditer(pattern):
            kind, name = match.group(1) or "str", match.group(2)
            if kind not in CONVERTERS:
                raise ValueError(f"unknown converter {kind!r} in {pattern!r}")
            regex += re.escape(pattern[pos:match.start()])
            regex += f"(?P<{name}>{CONVERTERS[kind][0]})"
            self.params.append((name, kind))
            pos = match.end()
        regex += re.escape(pattern[pos:])
        return re.compile(f"^{regex}$")

    def match(self, path: str):
        """Return the converted parameters if *path* matches, else None."""
        m = self._regex.match(path)
        if not m:
            return None
        return {name: CONVERTERS[kind][1](m.group(name)) for name, kind in self.params}

    def __repr__(self):
        return f"Route({self.pattern!r}, methods={sorted(self.methods)})"


class Router:
    """An ordered collection of routes; the first match wins."""

    def __init__(self):
        self.routes = []

    def add(self, route: Route) -> Route:
        self.routes.append(route)
        return route

    def resolve(self, method: str, path: str):
        """Return ``(route, params)`` for a request, or raise NotFound / MethodNotAllowed."""
        allowed = set()
        for route in self.routes:
            params = route.match(path)
            if params is None:
                continue
            if method.upper() in route.methods or (
                method.upper() == "HEAD" and "GET" in route.methods
            ):
                return route, params
            allowed |= route.methods
        if allowed:
            raise MethodNotAllowed(allowed)
        raise NotFound(path)
