"""RSS feed."""

from xml.sax.saxutils import escape

from .site import published


def rss(posts, base_url: str, title: str = "Engineering Blog", limit: int = 10) -> str:
    base_url = base_url.rstrip("/")
    items = []
    for post in published(posts)[:limit]:
        items.append(
            "<item>"
            f"<title>{escape(post.title)}</title>"
            f"<link>{base_url}{post.url}</link>"
            f"<pubDate>{post.published:%a, %d %b %Y} 00:00:00 +0000</pubDate>"
            "</item>"
        )
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>{base_url}/</link>{''.join(items)}</channel></rss>")
