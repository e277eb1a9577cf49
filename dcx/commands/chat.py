"""`dcx chat`: a session in the repository, one line at a time (dcx.chat): questions answered,
changes shown as diffs, /apply to write one. Ctrl-C cancels what is running and keeps the
session; Ctrl-D, /exit or the end of a pipe leaves."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from dcx.answer import answer_model
from dcx.backends import create_backends
from dcx.chat.context import ChatContext, ChatOutput
from dcx.chat.lines import Reader, history_file, pipe_reader, terminal_reader
from dcx.chat.state import ChatState
from dcx.chat.turns import take_turn
from dcx.commands import open_workspace, settings_for
from dcx.errors import DcxError
from dcx.progress import Reporter


@dataclass(frozen=True)
class ChatEnd:
    turns: int  # lines taken
    failed: int  # of them, those that ended in an error
    cancelled: int  # of them, those cut short by Ctrl-C
    state: ChatState


def chat(cwd: Path, flags: Mapping[str, Any], reporter: Reporter, out: ChatOutput,
         interactive: bool, reader: Reader | None = None) -> ChatEnd:
    """Run a session from ``cwd``: lines from ``reader`` (default: a prompt on a terminal when
    ``interactive``, else standard input) until it ends or /exit."""
    workspace = open_workspace(cwd)
    settings = settings_for(flags, workspace)
    answer_model(settings)  # a bad value is an error now, not at the first question
    ctx = ChatContext(workspace, settings, create_backends(settings, reporter), reporter, out)
    if reader is None:
        reader = terminal_reader(history_file(workspace)) if interactive else pipe_reader()
    state, turns, failed, cancelled = ChatState(), 0, 0, 0
    while not state.done:
        try:
            line = reader()
        except KeyboardInterrupt:  # Ctrl-C at the prompt: a fresh line
            continue
        if line is None:
            break
        if not line.strip():
            continue
        turns += 1
        try:
            state = take_turn(ctx, state, line)
        except KeyboardInterrupt:
            cancelled += 1
            out.note("dcx: cancelled; the session goes on (/exit or Ctrl-D leaves)")
        except DcxError as exc:
            failed += 1
            out.note(f"Error: {exc}")
    return ChatEnd(turns, failed, cancelled, state)
