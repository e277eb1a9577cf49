"""The application object: routes plus middleware."""

from functools import reduce

from .response import Response, json_response, text_response
from .routing import MethodNotAllowed, NotFound, Route, Router


class App:
    def __init__(self):
        self.router = Router()
        self.middleware = []

    def route(self, pattern: str, methods=("GET",)):
        """Decorator registering a handler ``handler(request, **params)``."""
        def decorator(handler):
            self.router.add(Route(pattern, handler, methods))
            return handler
        return decorator

    def use(self, middleware):
        """Add a middleware; the first one added is the outermost."""
        self.middleware.append(middleware)
        return middleware

    def _dispatch(self, request) -> Response:
        try:
            route, params = self.router.resolve(request.method, request.path)
        except NotFound:
            return text_response("Not Found", 404)
        except MethodNotAllowed as exc:
            response = text_response("Method Not Allowed", 405)
            response.headers["Allow"] = ", ".join(sorted(exc.allowed))
            return response
        result = route.handler(request, **params)
        if isinstance(result, Response):
            return result
        if isinstance(result, (dict, list)):
            return json_response(result)
        return text_response(str(result))

    def handle(self, request) -> Response:
        """Run *request* through the middleware and the matching handler."""
        def wrap(next_handler, middleware):
            return lambda req: middleware(req, next_handler)
        chain = reduce(wrap, reversed(self.middleware), self._dispatch)
        response = chain(request)
        if request.method == "HEAD":
            response.body = ""
        return response
