"""Known bug patterns (dcx.findings) in the definitions the code model looks at first are named
in its prompt. Real temporary repositories, scripted models."""

from __future__ import annotations

from dcx.config import load_settings
from dcx.findings import findings
from dcx.pipeline import Pipeline
from dcx.progress import Silent
from dcx.request import Request
from dcx.workspace import Workspace
from tests.conftest import call, code_reply
from tests.fakes import FakeBackend

SOURCE = '''def add_tag(tag, tags=[]):
    if tag not in tags:
        tags.append(tag)
    return tags


def lookup(key, table={}):
    return table.get(key)


def remember(x, seen=None):
    seen = seen or []
    seen.append(x)
    return seen


def copies(x, acc=[]):
    acc = list(acc)
    acc.append(x)
    return acc


class Cache:
    def put(self, key, value, *, store=dict()):
        store[key] = value


class Basket:
    def __init__(self, items=[]):
        self.items = items


def count(words, counts={}):
    for w in words:
        counts[w] += 1


def unpacks(x, acc=[]):
    acc, n = list(acc), 0
    acc.append(x)
    return acc


def shadows(items=[]):
    def inner(items):
        items.append(1)
    return len(items)


def fib(n, memo={}):
    memo[n] = n
    return memo[n]


def purge(tasks):
    for t in tasks:
        if t.done:
            tasks.remove(t)


def purge_copy(tasks):
    for t in list(tasks):
        tasks.remove(t)


def first_done(tasks):
    for t in tasks:
        if t.done:
            tasks.remove(t)
            break
'''


def test_a_shared_default_the_function_changes_and_a_list_shrunk_while_looped_are_findings() -> None:
    every = {"add_tag", "lookup", "remember", "copies", "Cache.put", "Basket.__init__", "count",
             "unpacks", "shadows", "fib", "purge", "purge_copy", "first_done"}
    found = findings("t.py", SOURCE, every)
    # changed in place, kept in an attribute, an item incremented; not: only read, rebound
    # (however), an inner function's own parameter, a cache shared on purpose. A list shrunk
    # while a loop goes over it; not: a copy looped over, or the loop left after one is taken
    assert [(f.name, f.line) for f in found] == [("add_tag", 1), ("Cache.put", 24),
                                                 ("Basket.__init__", 29), ("count", 33), ("purge", 56)]
    assert "takes items out of tasks while it goes over it" in str(found[-1])
    assert "the default of tags (tags=[]) is one object" in str(found[0])
    assert str(found[0]).startswith("add_tag in t.py (line 1): ")
    # only the definitions asked about; a file that does not parse has none
    assert findings("t.py", SOURCE, {"lookup", "remember"}) == []
    assert findings("t.py", "def f(:\n", {"f"}) == []


NOTES = {
    "notes/__init__.py": "",
    "notes/tagging.py": ("def add_tag(tag, tags=[]):\n    if tag not in tags:\n        tags.append(tag)\n"
                         "    return tags\n"),
    "notes/note.py": ("from notes.tagging import add_tag\n\n\nclass Note:\n    def __init__(self, text):\n"
                      "        self.text = text\n        self.tags = add_tag('new')\n"),
}
FIXED = ("def add_tag(tag, tags=None):\n    if tags is None:\n        tags = []\n    if tag not in tags:\n"
         "        tags.append(tag)\n    return tags")


def test_the_code_model_is_told_of_a_finding_in_a_definition_it_should_look_at(make_repo) -> None:
    repo = make_repo(NOTES)
    coder = FakeBackend([code_reply(FIXED)])
    pipeline = Pipeline(load_settings(repo, {}), Workspace(repo), Silent(),
                        {"router": FakeBackend([]), "code": coder})
    result = pipeline.run(pipeline.start(Request("Every new note starts with the tags of earlier notes")))
    prompt = coder.history[0]["messages"][-1]["content"]
    assert "A static check found: add_tag in notes/tagging.py (line 1): the default of tags" in prompt
    assert result.diff and findings("notes/tagging.py", FIXED + "\n", {"add_tag"}) == []  # fixed: none


GRAPH = {
    "node.py": ("class Node:\n    def __init__(self, value=None, successors=[]):\n        self.value = value\n"
                "        self.successors = successors\n"),
    "search.py": ("def reachable(start, goal):\n    if start is goal:\n        return True\n"
                  "    return any(reachable(n, goal) for n in start.successors)\n"),
}


def test_a_finding_in_a_file_shown_only_for_reference_is_not_named(make_repo) -> None:
    # QuixBugs' node.py shares its default lists; it is the harness, not the bug to fix
    repo = make_repo(GRAPH)
    reply = code_reply(GRAPH["search.py"].replace("    if start", "    # the start itself\n    if start"))
    prompts = {}
    for shown in ("read_only", "related"):
        plan = call("generate_code", path="search.py", target="reachable", instructions="fix it",
                    **{"related": [], "read_only": [], shown: ["node.py"]},
                    focus=["Node.__init__ in node.py", "reachable in search.py"])
        coder = FakeBackend([reply])
        pipeline = Pipeline(load_settings(repo, {"plan_first_call": False}), Workspace(repo), Silent(),
                            {"router": FakeBackend([plan, call("finish", answer="ok")]), "code": coder})
        pipeline.run(pipeline.start(Request("reachable is wrong")))
        prompts[shown] = coder.history[0]["messages"][-1]["content"]
    assert "Look first at: Node.__init__ in node.py" in prompts["read_only"]
    assert "A static check found" not in prompts["read_only"]
    assert "A static check found: Node.__init__ in node.py (line 2)" in prompts["related"]
