"""Where a chat's lines come from: on a terminal, a prompt with line editing and a history kept
in the repository's .git/dcx/ (prompt_toolkit; the readline module when it is missing); from a
pipe, one line at a time with no prompt. A reader returns None at the end (Ctrl-D, the pipe
closed) and raises KeyboardInterrupt for Ctrl-C at the prompt."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, TextIO

from dcx.workspace import Workspace

PROMPT = "dcx> "
Reader = Callable[[], "str | None"]


def history_file(workspace: Workspace) -> Path:
    folder = Path(workspace.repo.git_dir) / "dcx"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "chat-history"


def pipe_reader(stream: TextIO | None = None) -> Reader:
    def read() -> str | None:
        line = (stream or sys.stdin).readline()
        return None if line == "" else line.rstrip("\r\n")

    return read


def terminal_reader(history: Path) -> Reader:
    try:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory
    except ImportError:
        return _readline_reader(history)
    session: PromptSession[str] = PromptSession(history=FileHistory(str(history)))

    def read() -> str | None:
        try:
            return session.prompt(PROMPT)
        except EOFError:
            return None

    return read


def _readline_reader(history: Path) -> Reader:
    import readline

    try:
        readline.read_history_file(history)
    except OSError:
        pass

    def read() -> str | None:
        try:
            line = input(PROMPT)
        except EOFError:
            return None
        readline.write_history_file(history)
        return line

    return read
