"""Index and tag pages."""

import html

from .posts import excerpt, reading_time


def published(posts):
    """Non-draft posts, newest first (then by title)."""
    return sorted((p for p in posts if not p.draft),
                  key=lambda p: (-p.published.toordinal(), p.title))


def index_page(posts, site_title="Engineering Blog") -> str:
    items = []
    for post in published(posts):
        items.append(
            f'<article><h2><a href="{post.url}">{html.escape(post.title)}</a></h2>'
            f"<p class=\"meta\">{post.published:%d %b %Y} · {reading_time(post.body)}</p>"
            f"<p>{html.escape(excerpt(post.body))}</p></article>"
        )
    return f"<h1>{html.escape(site_title)}</h1>\n" + "\n".join(items)


def tag_index(posts) -> dict:
    """Map each tag to the published posts carrying it, newest first."""
    tags = {}
    for post in published(posts):
        for tag in post.tags:
            tags.setdefault(tag, []).append(post)
    return dict(sorted(tags.items()))
