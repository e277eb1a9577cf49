"""Outgoing responses."""

import json
from dataclasses import dataclass, field

REASONS = {
    200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently",
    400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
    500: "Internal Server Error",
}


@dataclass
class Response:
    status: int = 200
    body: str = ""
    headers: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return REASONS.get(self.status, "Unknown")

    def status_line(self) -> str:
        return f"{self.status} {self.reason}"


def text_response(text: str, status: int = 200) -> Response:
    return Response(status, text, {"Content-Type": "text/plain; charset=utf-8"})


def json_response(data, status: int = 200) -> Response:
    return Response(status, json.dumps(data), {"Content-Type": "application/json"})


def redirect(location: str, status: int = 301) -> Response:
    return Response(status, "", {"Location": location})
