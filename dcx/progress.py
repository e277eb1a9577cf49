"""Progress lines on stderr (only when it is a terminal, or when asked); stdout stays clean."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from dcx.settings import from_environment
from dcx.terminal import plain_text


class Reporter:
    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            forced = from_environment("progress")  # $DCX_PROGRESS; unset: a terminal decides
            enabled = self.stream.isatty() if forced is None else forced
        self.enabled = enabled
        self._bar_at = 0.0
        self._tty = self.enabled and self.stream.isatty()
        self._open_line = False  # a counter line waiting for its newline

    def stage(self, message: str) -> None:
        if self.enabled:
            self._end_line()
            self.stream.write(f"dcx: {plain_text(message)}\n")  # names and paths come from models
            self.stream.flush()

    def tokens(self, role: str, count: int) -> None:
        """Tokens of a reply streamed in so far (a server's): one line rewritten in place, on a
        terminal only."""
        if not self._tty:
            return
        now = time.monotonic()
        if now - self._bar_at < 0.2:
            return
        self._bar_at = now
        self.stream.write(f"\rdcx: {role} model: {count} tokens received\x1b[K")
        self.stream.flush()
        self._open_line = True

    def end_line(self) -> None:
        """End a counter line, so what comes next (a stage, an error) starts on its own line."""
        self._end_line()
        self.stream.flush()

    def _end_line(self) -> None:
        if self._open_line:
            self.stream.write("\n")
            self._open_line = False

    def bar(self, label: str, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        self._end_line()
        now = time.monotonic()
        finished = done >= total
        if not finished and now - self._bar_at < 0.2:
            return
        self._bar_at = now
        width = 30
        filled = int(width * done / total)
        line = f"dcx: {label} [{'#' * filled}{'.' * (width - filled)}] {100 * done // total:3d}%"
        if self._tty:
            self.stream.write("\r" + line + ("\n" if finished else ""))
        elif finished:
            self.stream.write(line + "\n")
        self.stream.flush()


class Silent(Reporter):
    def __init__(self) -> None:
        super().__init__(enabled=False)
