import pytest

from tmplkit.lexer import TemplateSyntaxError, tokenize


def test_tokens():
    toks = tokenize("Hi {{ name }}!{% if x %}y{% endif %}")
    assert [(t.kind, t.value) for t in toks] == [
        ("text", "Hi "), ("var", "name"), ("text", "!"),
        ("block", "if x"), ("text", "y"), ("block", "endif"),
    ]


def test_line_numbers():
    toks = tokenize("a\nb\n{{ c }}")
    assert toks[-1].line == 3


def test_unclosed_tag():
    with pytest.raises(TemplateSyntaxError):
        tokenize("Hello {{ name")
