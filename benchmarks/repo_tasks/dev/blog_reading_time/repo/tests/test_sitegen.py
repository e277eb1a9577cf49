from datetime import date

import pytest

from sitegen.feed import rss
from sitegen.frontmatter import parse_fields, split_front_matter
from sitegen.markdown import to_html
from sitegen.posts import Post, excerpt, load_post, reading_time, word_count
from sitegen.site import index_page, tag_index

POST = """---
title: Faster builds
date: 2024-04-02
tags: CI, tooling
---
We cut our **build time** in half.
"""


def words(n):
    return " ".join(["word"] * n)


def test_front_matter():
    fields, body = split_front_matter(POST)
    assert parse_fields(fields) == {"title": "Faster builds", "date": date(2024, 4, 2),
                                    "tags": ["ci", "tooling"]}
    assert body == "We cut our **build time** in half."


def test_unclosed_front_matter():
    with pytest.raises(ValueError):
        split_front_matter("---\ntitle: x\n")


def test_markdown():
    assert to_html("# Hi\n\nSome *text* and `code`.\n\n- a\n- [b](/b)") == (
        "<h1>Hi</h1>\n<p>Some <em>text</em> and <code>code</code>.</p>\n"
        '<ul><li>a</li><li><a href="/b">b</a></li></ul>')


def test_load_post_and_url():
    post = load_post("faster-builds", POST)
    assert post.url == "/2024/04/faster-builds/"
    with pytest.raises(ValueError):
        load_post("x", "---\ntitle: x\n---\nbody")


def test_word_count_ignores_markup():
    assert word_count("**Bold** [link text](https://example.org) and `code`") == 5


def test_excerpt():
    assert excerpt("Short post.") == "Short post."
    assert excerpt(words(100), limit=22) == "word word word word…"


def test_reading_time_long_post():
    assert reading_time(words(1000)) == "5 min read"
    assert reading_time(words(600), words_per_minute=300) == "2 min read"


def test_reading_time_rounds_up():
    assert reading_time(words(250)) == "2 min read"
    assert reading_time(words(201)) == "2 min read"
    assert reading_time(words(400)) == "2 min read"


def test_short_post_takes_at_least_a_minute():
    assert reading_time("Just a quick note.") == "1 min read"
    assert reading_time(words(1)) == "1 min read"


def test_empty_post():
    assert reading_time("") == "0 min read"


def test_index_tags_and_feed():
    a = Post("a", "Alpha", date(2024, 1, 5), words(120), ["ci"])
    b = Post("b", "Beta", date(2024, 2, 1), "Hi", ["ci", "ops"])
    c = Post("c", "Draft", date(2024, 3, 1), "x", draft=True)
    page = index_page([a, b, c])
    assert page.index("Beta") < page.index("Alpha") and "Draft" not in page
    assert {t: [p.slug for p in ps] for t, ps in tag_index([a, b, c]).items()} == {
        "ci": ["b", "a"], "ops": ["b"]}
    assert "<link>https://blog.example/2024/02/b/</link>" in rss([a, b], "https://blog.example/")
