"""The working state of one attempt at a request: the files as edited so far (in memory), what
each held when first read, the edits and the steps. A retry after failing checks is a new
session made by ``retry``, never leftover state."""

from __future__ import annotations

from dataclasses import dataclass, field

from dcx.baseline import TestRun
from dcx.codegen import CodeEdit
from dcx.encoding import UTF8
from dcx.patch import FileChange, build_patch
from dcx.request import Request, Step
from dcx.workspace import FileText, Workspace


@dataclass(frozen=True)
class Feedback:
    """Why the attempts before this one failed."""

    output: str  # the last failing check's output, trimmed
    previous: tuple[str, ...]  # every failed attempt's diff (or "(no change)"), oldest first
    restarted: bool  # the files are back as they were (else they hold the last attempt's change)
    round: int  # 1 for the first retry


@dataclass
class Session:
    request: Request
    workspace: Workspace
    feedback: Feedback | None = None
    baseline: TestRun | None = None  # the tests before any change, when a test command is known
    files: dict[str, str] = field(default_factory=dict)  # path -> current text
    originals: dict[str, FileText | None] = field(default_factory=dict)  # None: a new file
    edits: list[CodeEdit] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    followed_up: set[tuple[str, str]] = field(default_factory=set)  # (file, name) planned already

    @property
    def round(self) -> int:
        """0 for the first attempt, then one more per round of feedback."""
        return self.feedback.round if self.feedback else 0

    def current(self, path: str) -> str | None:
        """The text of ``path`` as edited so far, reading it on first use; None if it is new."""
        if path not in self.files:
            if not (self.workspace.root / path).exists():
                return None
            original = self.workspace.read(path)
            self.originals[path] = original
            self.files[path] = original.text
        return self.files[path]

    def changes(self) -> tuple[FileChange, ...]:
        """Every file edited so far, against what it held when first read (or new)."""
        return tuple(
            FileChange(path, None if orig is None else orig.text, self.files[path],
                       orig.mode if orig else 0o644, orig.encoding if orig else UTF8)
            for path, orig in self.originals.items()
            if orig is None or self.files[path] != orig.text
        )

    def changed_originals(self) -> dict[str, FileText]:
        return {c.path: o for c in self.changes() if (o := self.originals[c.path]) is not None}

    def retry(self, output: str, restart: bool = True, round: int | None = None) -> Session:
        """The next attempt, told ``output`` (why this one failed). With ``restart`` it starts
        from the files as they were and is told of every failed change so far; otherwise it
        starts from this attempt's files and is told of this change only. ``round``: the test
        round it is (default: the one after this; a round that built on an earlier attempt
        instead of retrying still counts)."""
        diff = build_patch(list(self.changes())) or "(no change)"
        before = self.feedback.previous if self.feedback and self.feedback.restarted else ()
        previous = tuple(dict.fromkeys(before + (diff,))) if restart else (diff,)
        kept = {p: o for p, o in self.originals.items() if o is not None}
        files = {p: o.text for p, o in kept.items()} if restart else dict(self.files)
        told = Feedback(output, previous, restart, round or self.round + 1)
        return Session(self.request, self.workspace, told, self.baseline, files,
                       kept if restart else dict(self.originals))
