import json

import pytest

from microroute.app import App
from microroute.middleware import AccessLog, cors, strip_trailing_slash
from microroute.request import Request
from microroute.response import json_response


@pytest.fixture
def app():
    app = App()

    @app.route("/users")
    def user_list(request):
        return [{"id": 1}]

    @app.route("/users/<int:user_id>", methods=["GET", "PUT"])
    def user_detail(request, user_id):
        return json_response({"id": user_id, "q": request.query.get("q")})

    @app.route("/files/<path:rest>")
    def serve_file(request, rest):
        return f"file {rest}"

    @app.route("/orgs/<org>/teams/<int:team_id>")
    def team(request, org, team_id):
        return f"{org}/{team_id}"

    return app


def get(app, url, method="GET"):
    return app.handle(Request.from_url(method, url))


def test_dispatch_and_json(app):
    resp = get(app, "/users/5?q=x")
    assert resp.status == 200
    assert json.loads(resp.body) == {"id": 5, "q": "x"}


def test_404_and_405(app):
    assert get(app, "/nope").status == 404
    resp = get(app, "/users/5", "DELETE")
    assert resp.status == 405
    assert resp.headers["Allow"] == "GET, PUT"


def test_head_has_no_body(app):
    resp = get(app, "/users", "HEAD")
    assert resp.status == 200 and resp.body == ""


def test_middleware_order(app):
    log = AccessLog()
    app.use(log)
    app.use(strip_trailing_slash)
    app.use(cors("https://example.org"))
    assert get(app, "/users/").status == 301
    resp = get(app, "/files/a/b.txt")
    assert resp.body == "file a/b.txt"
    assert resp.headers["Access-Control-Allow-Origin"] == "https://example.org"
    assert log.lines == ["GET /users/ -> 301", "GET /files/a/b.txt -> 200"]


def test_url_for_defaults_to_handler_name(app):
    assert app.url_for("user_list") == "/users"
    assert app.url_for("user_detail", user_id=42) == "/users/42"
    assert app.url_for("team", org="acme", team_id=3) == "/orgs/acme/teams/3"


def test_url_for_explicit_name(app):
    @app.route("/downloads/<path:rest>", name="download")
    def serve_download(request, rest):
        return f"download {rest}"

    assert app.url_for("download", rest="docs/a.pdf") == "/downloads/docs/a.pdf"
    assert app.url_for("serve_file", rest="x.txt") == "/files/x.txt"
    with pytest.raises(KeyError):
        app.url_for("serve_download", rest="x")


def test_url_for_extra_params_become_query(app):
    assert app.url_for("user_list", page=2) == "/users?page=2"
    assert app.url_for("user_detail", user_id=1, tab="posts") == "/users/1?tab=posts"


def test_url_for_errors(app):
    with pytest.raises(KeyError):
        app.url_for("no_such_route")
    with pytest.raises(ValueError):
        app.url_for("user_detail")


def test_url_round_trips_through_router(app):
    url = app.url_for("team", org="acme", team_id=12)
    assert get(app, url).body == "acme/12"


def test_request_from_url():
    req = Request.from_url("get", "/search?q=a&q=b&empty=", headers={"X-Token": "t"})
    assert (req.method, req.path, req.query) == ("GET", "/search", {"q": "b", "empty": ""})
    assert req.header("x-token") == "t"
