import pytest

from microroute.routing import MethodNotAllowed, NotFound, Route, Router


def handler(request, **params):
    return params


def test_static_and_param_match():
    route = Route("/users/<int:user_id>/posts/<slug>", handler)
    assert route.match("/users/7/posts/hello") == {"user_id": 7, "slug": "hello"}
    assert route.match("/users/x/posts/hello") is None


def test_path_converter():
    assert Route("/files/<path:rest>", handler).match("/files/a/b.txt") == {"rest": "a/b.txt"}


def test_unknown_converter():
    with pytest.raises(ValueError):
        Route("/x/<uuid:id>", handler)


def test_router_errors():
    router = Router()
    router.add(Route("/items", handler, methods=["GET", "POST"]))
    with pytest.raises(NotFound):
        router.resolve("GET", "/nothing")
    with pytest.raises(MethodNotAllowed) as info:
        router.resolve("DELETE", "/items")
    assert info.value.allowed == {"GET", "POST"}


def test_first_match_wins():
    router = Router()
    first = router.add(Route("/a/<x>", handler))
    router.add(Route("/a/b", handler))
    assert router.resolve("GET", "/a/b") == (first, {"x": "b"})


def test_head_allowed_for_get_routes():
    router = Router()
    route = router.add(Route("/ping", handler))
    assert router.resolve("HEAD", "/ping")[0] is route
