"""Decorators a reply left off are put back (dcx.kept_decorators): unit cases, and a scripted
reply on a real temporary repository."""

from __future__ import annotations

from dcx.config import load_settings
from dcx.kept_decorators import with_decorators_kept
from dcx.pipeline import Pipeline
from dcx.progress import Silent
from dcx.request import Request
from dcx.workspace import Workspace
from tests.conftest import code_reply
from tests.fakes import FakeBackend

SUBSCRIPTIONS = (
    "from dataclasses import dataclass\n\n\n"
    "@dataclass\n"
    "class Subscription:\n"
    "    feed_url: str\n"
    "    speed: float = 1.0\n\n"
    "    def __post_init__(self) -> None:\n"
    "        if self.speed <= 0:\n"
    "            raise ValueError('speed must be positive')\n"
)
# the class as a small model writes it back: from its class line on, with the new field
REPLY = SUBSCRIPTIONS.split("@dataclass\n", 1)[1].replace(
    "    speed: float = 1.0\n", "    speed: float = 1.0\n    skip_intro: float = 0.0\n")
REQUEST = "Give each subscription a skip_intro setting in seconds, default 0."


def test_a_class_that_lost_its_decorator_gets_it_back() -> None:
    new = "from dataclasses import dataclass\n\n\n" + REPLY
    mended = with_decorators_kept("podcasts/subs.py", new, SUBSCRIPTIONS, REQUEST)
    assert mended == SUBSCRIPTIONS.replace("    speed: float = 1.0\n",
                                           "    speed: float = 1.0\n    skip_intro: float = 0.0\n")
    assert with_decorators_kept("podcasts/subs.py", mended, SUBSCRIPTIONS, REQUEST) == mended  # once


def test_methods_get_theirs_back_at_their_own_indent_with_every_line_of_them() -> None:
    old = ("class Cart:\n"
           "    @property\n"
           "    def total(self):\n"
           "        return sum(self.items)\n\n"
           "    @functools.lru_cache(\n"
           "        maxsize=32)\n"
           "    # cached: the rates change once a day\n"
           "    def rate(self, code):\n"
           "        return RATES[code]\n")
    new = ("class Cart:\n"
           "    def total(self):\n"
           "        return round(sum(self.items), 2)\n\n"
           "    def rate(self, code):\n"
           "        return RATES[code.upper()]\n")
    assert with_decorators_kept("shop/cart.py", new, old, "round the total") == (
        "class Cart:\n"
        "    @property\n"
        "    def total(self):\n"
        "        return round(sum(self.items), 2)\n\n"
        "    @functools.lru_cache(\n"
        "        maxsize=32)\n"
        "    # cached: the rates change once a day\n"
        "    def rate(self, code):\n"
        "        return RATES[code.upper()]\n")


def test_left_as_written_when_the_decorators_may_be_meant_to_change() -> None:
    new = "from dataclasses import dataclass\n\n\n" + REPLY
    # the request names the decorator: taking it off may be the point
    assert with_decorators_kept("subs.py", new, SUBSCRIPTIONS, "Subscription should not be a dataclass") == new
    # the reply gives decorators of its own: the review judges what was taken away
    other = new.replace("class Subscription:", "@total_ordering\nclass Subscription:")
    assert with_decorators_kept("subs.py", other, SUBSCRIPTIONS, REQUEST) == other
    # a static method that now takes self is a method: @staticmethod would be wrong over it
    old = "class A:\n    @staticmethod\n    def make(x):\n        return x\n"
    method = "class A:\n    def make(self, x):\n        return x\n"
    assert with_decorators_kept("a.py", method, old, "r") == method
    # a property's getter and setter share a name: which one a reply's method stands for is unknown
    pair = ("class A:\n    @property\n    def x(self):\n        return self._x\n\n"
            "    @x.setter\n    def x(self, v):\n        self._x = v\n")
    plain = "class A:\n    def x(self):\n        return self._x\n"
    assert with_decorators_kept("a.py", plain, pair, "r") == plain
    # a definition that had no decorator, a file that does not parse, a test file, not Python
    undecorated = "def f(x):\n    return x\n"
    assert with_decorators_kept("a.py", undecorated.replace("x\n", "x + 1\n"), "@cached\ndef g():\n    pass\n" + undecorated, REQUEST) == undecorated.replace("x\n", "x + 1\n")
    assert with_decorators_kept("a.py", "def f(:\n", SUBSCRIPTIONS, REQUEST) == "def f(:\n"
    tests_old = "import pytest\n\n@pytest.mark.slow\ndef test_a():\n    pass\n"
    tests_new = "import pytest\n\ndef test_a():\n    assert True\n"
    assert with_decorators_kept("tests/test_a.py", tests_new, tests_old, "r") == tests_new
    assert with_decorators_kept("a.js", new, SUBSCRIPTIONS, REQUEST) == new


def test_the_change_keeps_the_dataclass(make_repo) -> None:
    """One scripted reply, the class without @dataclass: without the repair it is refused (and the
    script has no second reply to give)."""
    repo = make_repo({"podcasts/__init__.py": "", "podcasts/subs.py": SUBSCRIPTIONS})
    coder = FakeBackend([code_reply(REPLY)])
    pipeline = Pipeline(load_settings(repo, {}), Workspace(repo), Silent(),
                        {"router": FakeBackend([]), "code": coder})
    result = pipeline.run(pipeline.start(Request(REQUEST + " It lives in podcasts/subs.py.")))
    changed = [line for line in result.diff.splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["+    skip_intro: float = 0.0"], result.diff  # @dataclass neither lost nor doubled
