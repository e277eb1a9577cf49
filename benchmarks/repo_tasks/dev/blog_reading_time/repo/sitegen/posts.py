"""Blog posts."""

import re
from dataclasses import dataclass, field
from datetime import date

from .frontmatter import parse_fields, split_front_matter
from .markdown import plain_text, to_html

WORDS_PER_MINUTE = 200


@dataclass
class Post:
    slug: str
    title: str
    published: date
    body: str
    tags: list = field(default_factory=list)
    draft: bool = False

    @property
    def html(self) -> str:
        return to_html(self.body)

    @property
    def url(self) -> str:
        return f"/{self.published:%Y/%m}/{self.slug}/"


def load_post(slug: str, text: str) -> Post:
    fields, body = split_front_matter(text)
    fields = parse_fields(fields)
    missing = [k for k in ("title", "date") if k not in fields]
    if missing:
        raise ValueError(f"{slug}: missing {', '.join(missing)}")
    return Post(slug, fields["title"], fields["date"], body,
                fields.get("tags", []), fields.get("draft", False))


def word_count(markdown: str) -> int:
    return len(re.findall(r"\b\w[\w'-]*\b", plain_text(markdown)))


def reading_time(markdown: str, words_per_minute: int = WORDS_PER_MINUTE) -> str:
    """Estimated reading time shown under the title, e.g. ``"4 min read"``."""
    minutes = word_count(markdown) // words_per_minute
    return f"{minutes} min read"


def excerpt(markdown: str, limit: int = 160) -> str:
    """The start of a post's text, cut at a word boundary, with an ellipsis."""
    text = " ".join(plain_text(markdown).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"
