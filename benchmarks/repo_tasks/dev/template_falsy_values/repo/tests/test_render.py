from dataclasses import dataclass

import pytest

from tmplkit import Template, render
from tmplkit.lexer import TemplateSyntaxError


@dataclass
class User:
    name: str
    city: str


def test_plain_variable():
    assert render("Hello {{ name }}!", {"name": "Ada"}) == "Hello Ada!"


def test_dotted_access_dict_attr_index():
    data = {"user": User("ada", "Paris"), "tags": ["x", "y"], "cfg": {"mode": "fast"}}
    assert render("{{ user.city }} {{ tags.1 }} {{ cfg.mode }}", data) == "Paris y fast"


def test_missing_variable_is_empty():
    assert render("[{{ nope }}][{{ a.b.c }}]", {"a": {}}) == "[][]"


def test_filters():
    data = {"name": "ada lovelace", "tags": ["a", "b"]}
    assert render("{{ name|title }}", data) == "Ada Lovelace"
    assert render("{{ tags|join:\" / \" }}", data) == "a / b"
    assert render("{{ tags|length }}", data) == "2"
    assert render("{{ nick|default:\"anon\" }}", data) == "anon"


def test_if_else():
    tpl = Template("{% if admin %}root{% else %}user{% endif %}")
    assert tpl.render({"admin": True}) == "root"
    assert tpl.render({}) == "user"


def test_for_loop_with_loop_vars():
    tpl = Template("{% for t in tags %}{{ t }}{% if not loop.last %}, {% endif %}{% endfor %}")
    assert tpl.render({"tags": ["a", "b", "c"]}) == "a, b, c"


def test_loop_variable_shadows_outer():
    tpl = Template("{% for x in xs %}{{ x }}{% endfor %}-{{ x }}")
    assert tpl.render({"xs": ["a", "b"], "x": "outer"}) == "ab-outer"


def test_unknown_tag():
    with pytest.raises(TemplateSyntaxError):
        Template("{% while x %}{% endwhile %}")


def test_zero_is_rendered():
    assert render("You have {{ count }} new messages", {"count": 0}) == \
        "You have 0 new messages"


def test_falsy_values_in_loop():
    tpl = Template("{% for n in nums %}{{ n }};{% endfor %}")
    assert tpl.render({"nums": [0, 1, 2], "n": 9}) == "0;1;2;"


def test_false_and_empty_string():
    assert render("[{{ flag }}][{{ s|default:\"-\" }}]", {"flag": False, "s": ""}) == "[false][-]"
