"""Middleware: callables wrapping the request handling.

A middleware is called as ``middleware(request, next_handler)`` and returns
a Response; it may change the request, the response, or answer by itself.
"""

from .response import redirect


def strip_trailing_slash(request, next_handler):
    """Redirect ``/users/`` to ``/users`` (the root path is left alone)."""
    if request.path != "/" and request.path.endswith("/"):
        return redirect(request.path.rstrip("/"))
    return next_handler(request)


def cors(origin="*"):
    """Add an ``Access-Control-Allow-Origin`` header to every response."""
    def middleware(request, next_handler):
        response = next_handler(request)
        response.headers.setdefault("Access-Control-Allow-Origin", origin)
        return response
    return middleware


class AccessLog:
    """Remembers one line per request: ``METHOD path -> status``."""

    def __init__(self):
        self.lines = []

    def __call__(self, request, next_handler):
        response = next_handler(request)
        self.lines.append(f"{request.method} {request.path} -> {response.status}")
        return response
