"""Attributes read from ``self`` that nothing sets: found statically, counted only when a change
brings them, and told to the code model, which then sets them. Real temporary repository,
scripted model."""

from __future__ import annotations

import ast

from dcx.attributes import unset_reads
from dcx.config import load_settings
from dcx.pipeline import Pipeline
from dcx.progress import Silent
from dcx.request import Request
from dcx.static_check import new_problems
from dcx.workspace import Workspace
from tests.conftest import code_reply
from tests.fakes import FakeBackend

MACHINE = (
    "class Machine:\n"
    "    def __init__(self, initial):\n"
    "        self.initial = initial\n"
    "        self._state = initial\n\n"
    "    @property\n"
    "    def state(self):\n"
    "        return self._state\n\n"
    "    def go(self, state):\n"
    "        self._state = state\n"
)
UNDO = (
    "    @property\n"
    "    def history(self):\n"
    "        return list(self._history)\n\n"
    "    def undo(self):\n"
    "        self._history.pop()\n"
    "        self._state = self._history[-1]\n"
    "        return self._state\n"
)


def reads(source: str, project: dict[str, str] | None = None) -> list[str]:
    return [message for _, message in unset_reads(ast.parse(source), project or {})]


def test_a_read_of_an_attribute_nothing_sets_is_found_once() -> None:
    assert reads(MACHINE + "\n" + UNDO) == [
        "Machine.history reads self._history, which nothing sets: set it in __init__"]
    assert reads(MACHINE) == []


def test_what_sets_an_attribute_counts_wherever_it_is() -> None:
    set_in_init = MACHINE.replace("self._state = initial\n", "self._state = initial\n        self._history = [initial]\n")
    assert reads(set_in_init + "\n" + UNDO) == []
    fields = ("from dataclasses import dataclass\n\n\n@dataclass\nclass Point:\n    x: int\n    y: int = 0\n"
              "    ORIGIN = None\n    __slots__ = ('z',)\n\n    def norm(self):\n"
              "        object.__setattr__(self, 'w', 1)\n        return self.x + self.y + self.z + self.w + self.ORIGIN\n")
    assert reads(fields) == []
    # set from outside the class (a factory), or a method a mixin's partner defines
    assert reads(MACHINE + "\n" + UNDO, {"factory.py": "m = Machine(1)\nm._history = []\n"}) == []
    mixin = "class Undo:\n    def undo(self):\n        return self._history.pop()\n"
    assert reads(mixin, {"other.py": "class History:\n    def _history(self):\n        pass\n"}) == []


def test_classes_dcx_cannot_see_whole_are_not_judged() -> None:
    assert reads("class A(Base):\n    def f(self):\n        return self.anything\n") == []
    assert reads("class A:\n    def __getattr__(self, name):\n        return 1\n\n"
                 "    def f(self):\n        return self.anything\n") == []
    assert reads("@attr.s\nclass A:\n    def f(self):\n        return self.x\n") == []
    assert reads("class A:\n    def __init__(self, **kw):\n        for k, v in kw.items():\n"
                 "            setattr(self, k, v)\n\n    def f(self):\n        return self.x\n") == []
    # the instance of a class defined inside a method is not the method's self
    inner = ("class Server:\n    def start(self):\n        class Handler(Base):\n"
             "            def do_GET(self):\n                return self.path\n"
             "        def helper(self):\n            return self.wfile\n        return Handler\n")
    assert reads(inner) == []


def test_only_the_reads_a_change_brings_count() -> None:
    new = MACHINE + "\n" + UNDO
    found = [p.message for p in new_problems({"m.py": MACHINE + UNDO}, {"m.py": MACHINE}, {"m.py": MACHINE})]
    assert found == ["Machine.history reads self._history, which nothing sets: set it in __init__"]
    assert new_problems({"m.py": new + "\n"}, {"m.py": new}, {"m.py": new}) == []  # it was there before


def test_the_code_model_is_told_and_sets_the_attribute(make_repo) -> None:
    repo = make_repo({"fsm/__init__.py": "", "fsm/machine.py": MACHINE,
                      "tests/test_machine.py": "from fsm.machine import Machine\n\n\ndef test_go():\n"
                                               "    m = Machine('a')\n    m.go('b')\n    assert m.state == 'b'\n"})
    forgot = "class Machine:\n" + UNDO
    sets_it = ("class Machine:\n    def __init__(self, initial):\n        self.initial = initial\n"
               "        self._state = initial\n        self._history = [initial]\n\n"
               "    def go(self, state):\n        self._state = state\n        self._history.append(state)\n\n" + UNDO)
    coder = FakeBackend([code_reply(forgot), code_reply(sets_it)])
    pipeline = Pipeline(load_settings(repo, {}), Workspace(repo), Silent(),
                        {"router": FakeBackend([]), "code": coder})
    result = pipeline.run(pipeline.start(Request("Add a `history` property and `undo()` to Machine")))
    told = coder.history[1]["messages"][-1]["content"]
    assert "reads self._history, which nothing sets" in told
    assert "+        self._history = [initial]" in result.diff and "+    def undo(self):" in result.diff
