"""What every turn of a chat works with: the repository, the settings, the models (loaded on
first use, once for the session), where output goes, and the Ctrl-C flag a stream checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from dcx.backends import Backend
from dcx.progress import Reporter
from dcx.settings import Settings
from dcx.workspace import Workspace


@dataclass(frozen=True)
class ChatOutput:
    """Where a chat's output goes (the CLI prints; tests collect)."""

    text: Callable[[str], None]  # stdout: answers as they stream, test output, listings
    diff: Callable[[bytes], None]  # stdout: a change's diff, in its files' bytes
    note: Callable[[str], None]  # stderr: one line on what happened


@dataclass(frozen=True)
class ChatContext:
    workspace: Workspace
    settings: Settings
    backends: Mapping[str, Backend]
    reporter: Reporter
    out: ChatOutput
    stop: Callable[[], bool] = field(default=lambda: False)  # a stream asks it after each piece

    @property
    def router(self) -> Backend:
        return self.backends["router"]
