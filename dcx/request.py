"""A request to dcx and what one attempt at it produced."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from dcx.patch import FileChange, patch_bytes
from dcx.workspace import FileText


@dataclass(frozen=True)
class Request:
    instruction: str
    paths: tuple[str, ...] = ()  # repository-relative
    mode: str = "fix"  # "fix" or "ask"


@dataclass(frozen=True)
class Step:
    tool: str
    arguments: Mapping[str, Any]
    result: str
    ok: bool
    by: str = "router"  # "router", or "dcx" for a call planned from the context


@dataclass(frozen=True)
class Result:
    """One attempt: its answer, its change (diff and files), and how it got there."""

    instruction: str
    answer: str
    diff: str
    changes: tuple[FileChange, ...]
    originals: Mapping[str, FileText]  # what each changed file held when it was read
    steps: tuple[Step, ...]
    models: Mapping[str, Mapping[str, str]]
    tokens: Mapping[str, Mapping[str, int]]  # the run's totals so far (see dcx.usage)
    seconds: float
    step_limit_hit: bool = False
    rewritten: bool = False  # a function was written anew, its body hidden (a late test round)
    perf: Mapping[str, Any] = field(default_factory=dict)  # the run's Usage.perf() so far
    # Why this attempt has no usable change although one was asked for ("" when it has one,
    # or when the code was found to need none): no valid code came back, or the change would
    # bring problems (an import of a name that no longer exists, ...) and is withheld.
    failure: str = ""
    # Why the change is too unsure to show when no test checks it ("" when it is not): an edit
    # from a sampled retry the code model was unsure of (dcx.doubt). A test command decides instead.
    unsure: str = ""

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(c.path for c in self.changes)

    def without_change(self, failure: str = "") -> "Result":
        """This result with its change withheld (and, given, why: ``failure``)."""
        return replace(self, diff="", changes=(), originals={}, failure=failure or self.failure)

    @property
    def diff_bytes(self) -> bytes:
        """The diff as `git apply` reads it: each file's part in that file's encoding."""
        return patch_bytes(self.changes)
