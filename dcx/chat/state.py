"""The state of a chat between two lines: the conversation, the last change (pending or
applied), the last answer, the files the session touched or discussed, and the last failing
test run. Frozen: each turn returns a new state."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dcx.chat.memory import Memory
from dcx.listing import first_few
from dcx.request import Result


@dataclass(frozen=True)
class Change:
    request: str  # the request it was planned from (a refinement's holds the one before)
    result: Result  # against the working tree as it was read: the diff /apply writes
    applied: str = ""  # the backup id once /apply wrote it ("" while pending)
    failing: tuple[str, ...] = ()  # tests that still fail with it (checked with a test command)

    @property
    def pending(self) -> bool:
        return not self.applied

    @property
    def failing_named(self) -> str:
        """The tests that still fail with it, as a message names them (the first three)."""
        return first_few(self.failing, 3)

    @property
    def files(self) -> tuple[str, ...]:
        return self.result.files


@dataclass(frozen=True)
class Failing:
    """A /test run that failed: its output goes with the next change request."""

    command: str
    output: str


@dataclass(frozen=True)
class ChatState:
    memory: Memory = field(default_factory=Memory)
    change: Change | None = None
    answer: str = ""  # the last answer, for "why?"
    touched: tuple[str, ...] = ()  # files changes of this session changed
    discussed: tuple[str, ...] = ()  # files answers cited or were drawn from
    failing: Failing | None = None
    test_command: str = ""  # the last /test command, for a bare /test
    told_untested: bool = False  # the session said once that its changes are checked by no test
    done: bool = False  # /exit was typed

    def with_files(self, touched: tuple[str, ...] = (), discussed: tuple[str, ...] = ()) -> "ChatState":
        return replace(self, touched=tuple(dict.fromkeys(self.touched + touched)),
                       discussed=tuple(dict.fromkeys(self.discussed + discussed)))
