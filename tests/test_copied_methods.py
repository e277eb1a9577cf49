"""A method a reply copies from another class it was shown into the class it changes is left out
(dcx.copied_methods): unit cases, and a scripted reply on a real temporary repository."""

from __future__ import annotations

from dcx.config import load_settings
from dcx.copied_methods import without_copied_methods
from dcx.pipeline import Pipeline
from dcx.progress import Silent
from dcx.request import Request
from dcx.workspace import Workspace
from tests.conftest import code_reply
from tests.fakes import FakeBackend

PODCASTS = (
    "class Subscription:\n"
    "    def __init__(self, url, speed=1.0):\n"
    "        self.url = url\n"
    "        self.speed = speed\n\n\n"
    "class Progress:\n"
    "    def __init__(self):\n"
    "        self._positions = {}\n\n"
    "    def resume_position(self, guid):\n"
    "        \"\"\"Where the listener left off.\"\"\"\n"
    "        return self._positions.get(guid, 0)\n"
)
COPIED = (
    "    def resume_position(self, guid):\n"
    "        \"\"\"Where the listener left off.\"\"\"\n"
    "        return self._positions.get(guid, 0)\n"
)
REPLY = (
    "class Subscription:\n"
    "    def __init__(self, url, speed=1.0, skip_intro=0):\n"
    "        self.url = url\n"
    "        self.speed = speed\n"
    "        self.skip_intro = skip_intro\n\n" + COPIED
)
REQUEST = "Give each subscription a skip_intro setting in seconds, default 0. It lives in podcasts/subs.py."


def test_a_method_copied_from_another_class_is_left_out() -> None:
    files = {"podcasts/subs.py": PODCASTS}
    assert without_copied_methods(REPLY, files) == REPLY.removesuffix("\n" + COPIED) + "\n"
    # copied with a decorator: the decorator goes with it
    decorated = PODCASTS.replace("    def resume_position", "    @cached\n    def resume_position")
    assert without_copied_methods(REPLY.replace("    def resume_position", "    @cached\n    def resume_position"),
                                  {"podcasts/subs.py": decorated}) == REPLY.removesuffix("\n" + COPIED) + "\n"


def test_what_is_not_such_a_copy_stays() -> None:
    files = {"podcasts/subs.py": PODCASTS}
    # changed on the way: the model's own code
    own = REPLY.replace("get(guid, 0)", "get(guid, self.skip_intro)")
    assert without_copied_methods(own, files) == own
    # the class already had a method of that name: replacing it is a change like any other
    had = {"podcasts/subs.py": PODCASTS.replace("        self.speed = speed\n",
                                                "        self.speed = speed\n\n" + COPIED.replace("guid, 0", "guid, 1"), 1)}
    assert without_copied_methods(REPLY, had) == REPLY
    # the class itself, or a class the files do not have, given the method
    progress = "class Progress:\n    def __init__(self):\n        self._positions = {1: 2}\n\n" + COPIED
    assert without_copied_methods(progress, files) == progress
    new_class = REPLY.replace("class Subscription:", "class Trailer:")
    assert without_copied_methods(new_class, files) == new_class
    # a class that would be left with nothing, a reply that does not parse
    only = "class Subscription:\n" + COPIED
    assert without_copied_methods(only, files) == only
    assert without_copied_methods("class Subscription(:\n", files) == "class Subscription(:\n"


def test_the_change_leaves_the_copy_out(make_repo) -> None:
    repo = make_repo({"podcasts/__init__.py": "", "podcasts/subs.py": PODCASTS})
    coder = FakeBackend([code_reply(REPLY)])
    pipeline = Pipeline(load_settings(repo, {}), Workspace(repo), Silent(),
                        {"router": FakeBackend([]), "code": coder})
    result = pipeline.run(pipeline.start(Request(REQUEST)))
    assert "+        self.skip_intro = skip_intro\n" in result.diff, result.diff
    assert result.diff.count("+    def resume_position") == 0, result.diff
