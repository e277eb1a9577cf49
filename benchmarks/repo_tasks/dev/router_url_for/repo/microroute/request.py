"""Incoming requests."""

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)
    body: str = ""

    def __post_init__(self):
        self.method = self.method.upper()
        self.headers = {k.lower(): v for k, v in self.headers.items()}

    @classmethod
    def from_url(cls, method: str, url: str, headers=None, body: str = "") -> "Request":
        """Build a request from a URL such as ``/search?q=x&page=2``."""
        parts = urlsplit(url)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        return cls(method, parts.path or "/", query, dict(headers or {}), body)

    def header(self, name: str, default=None):
        return self.headers.get(name.lower(), default)
