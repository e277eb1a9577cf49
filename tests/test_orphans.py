"""Project functions a change leaves used nowhere (dcx.orphans): found in the shape a small model
writes them (a rewritten method that no longer calls the helper it called), left alone where the
name is used elsewhere, asked to go, or never used by name; told to the code model, whose next
reply is taken when it keeps the helper."""

from __future__ import annotations

from dcx.orphans import orphans
from dcx.static_check import new_problems
from tests.conftest import code_reply, told_and_taken

# the shape of a dev task's first attempt: render stopped calling evaluate, which applies filters
NODES = '''def to_text(value):
    return str(value) if value else ""


class VarNode:
    def __init__(self, path, filters):
        self.path = path
        self.filters = filters

    def evaluate(self, ctx):
        value = ctx[self.path]
        for apply in self.filters:
            value = apply(value)
        return value

    def render(self, ctx):
        return to_text(self.evaluate(ctx))
'''
OWN_LOGIC = "        return to_text(ctx[self.path])"
KEEPS_IT = "        value = self.evaluate(ctx)\n        return to_text(value) if value != 0 else \"0\""


def render_as(body: str) -> str:
    return NODES.replace("        return to_text(self.evaluate(ctx))", body)


def test_a_method_a_rewrite_stopped_calling_is_found_with_who_called_it() -> None:
    (found,) = orphans({"nodes.py": NODES, "other.py": "X = 1\n"},
                       {"nodes.py": render_as(OWN_LOGIC), "other.py": "X = 1\n"})
    assert (found.name, found.path, found.line, found.dropped_by) == (
        "evaluate", "nodes.py", 10, ("VarNode.render in nodes.py",))


def test_what_is_left_alone() -> None:
    after = render_as(OWN_LOGIC)
    # another file still calls it (by any object: a name is used wherever it is mentioned)
    assert orphans({"nodes.py": NODES, "app.py": "def f(n, c):\n    return n.evaluate(c)\n"},
                   {"nodes.py": after, "app.py": "def f(n, c):\n    return n.evaluate(c)\n"}) == []
    # the change deleted it (the deletion guard's case), or it was never used by name
    assert orphans({"m.py": "def a():\n    return b()\n\n\ndef b():\n    return 1\n"},
                   {"m.py": "def a():\n    return 1\n"}) == []
    assert orphans({"m.py": "class A:\n    def __len__(self):\n        return 0\n"},
                   {"m.py": "class A:\n    def __len__(self):\n        return 1\n"}) == []
    # a changed file that does not parse is reported as such, not as every name it used
    assert orphans({"nodes.py": NODES}, {"nodes.py": NODES.replace("return value", "return (")}) == []
    # the same uses, moved: a new helper calls it now
    moved = render_as("        return to_text(self._value(ctx))\n\n"
                      "    def _value(self, ctx):\n        return self.evaluate(ctx)")
    assert orphans({"nodes.py": NODES}, {"nodes.py": moved}) == []


def test_only_a_change_the_request_does_not_ask_for_is_a_problem() -> None:
    after = render_as(OWN_LOGIC)
    (problem,) = new_problems({"nodes.py": after}, {"nodes.py": NODES}, {"nodes.py": NODES},
                              request="render prints nothing for 0")
    assert str(problem) == ("nodes.py:10: evaluate is used nowhere after the change (VarNode.render "
                            "in nodes.py used it before); keep using it: the request does not ask "
                            "to drop it")
    assert new_problems({"nodes.py": after}, {"nodes.py": NODES}, {"nodes.py": NODES},
                        request="render should not evaluate the filters any more") == []


def test_the_code_model_is_told_and_its_reply_that_keeps_the_helper_is_taken(make_repo) -> None:
    repo = make_repo({"tmpl/__init__.py": "", "tmpl/nodes.py": NODES})
    told, result = told_and_taken(repo, [
        code_reply(f"def render(self, ctx):\n{OWN_LOGIC[4:]}"),
        code_reply(f"def render(self, ctx):\n{KEEPS_IT.replace('        ', '    ')}")],
        "`VarNode.render` in tmpl/nodes.py prints nothing for 0; 0 should render like any other value")
    assert "evaluate is used nowhere after the change" in told
    assert "+        value = self.evaluate(ctx)" in result.diff and "ctx[self.path])" not in result.diff
