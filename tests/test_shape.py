"""What the request calls a property becomes one: dcx adds the decorator a small model forgot.
Real temporary repository, scripted model."""

from __future__ import annotations

from dcx.config import load_settings
from dcx.pipeline import Pipeline
from dcx.progress import Silent
from dcx.request import Request
from dcx.shape import as_properties, properties_asked
from dcx.workspace import Workspace
from tests.conftest import code_reply
from tests.fakes import FakeBackend

CLOCK = "class Clock:\n    def __init__(self):\n        self._paused = False\n\n    def pause(self):\n        self._paused = True\n"
REQUEST = "Add `pause()` and `resume()` plus an `is_paused` property to Clock."


def test_the_request_names_its_properties() -> None:
    assert properties_asked(REQUEST) == {"is_paused"}
    assert properties_asked("A `history` property should give the states; add a property `total`.") == {
        "history", "total"}
    assert properties_asked("Add `undo()` to the machine.") == set()


def test_a_plain_method_the_request_calls_a_property_gets_the_decorator() -> None:
    new = CLOCK + "\n    def is_paused(self):\n        return self._paused\n"
    fixed = as_properties("clock.py", new, CLOCK, REQUEST)
    assert fixed == CLOCK + "\n    @property\n    def is_paused(self):\n        return self._paused\n"
    assert as_properties("clock.py", fixed, CLOCK, REQUEST) == fixed  # once
    # not when something calls it, it takes arguments, or it was a method before the change
    called = new + "\n    def resume(self):\n        return self.is_paused()\n"
    assert as_properties("clock.py", called, CLOCK, REQUEST) == called
    takes = CLOCK + "\n    def is_paused(self, now):\n        return self._paused\n"
    assert as_properties("clock.py", takes, CLOCK, REQUEST) == takes
    assert as_properties("clock.py", new, new, REQUEST) == new


def test_the_change_has_the_property(make_repo) -> None:
    repo = make_repo({"clock.py": CLOCK})
    reply = ("class Clock:\n    def resume(self):\n        self._paused = False\n\n"
             "    def is_paused(self):\n        return self._paused\n")
    coder = FakeBackend([code_reply(reply)])
    pipeline = Pipeline(load_settings(repo, {}), Workspace(repo), Silent(),
                        {"router": FakeBackend([]), "code": coder})
    result = pipeline.run(pipeline.start(Request(REQUEST + " It lives in clock.py.")))
    assert "+    @property\n+    def is_paused(self):" in result.diff, result.diff
