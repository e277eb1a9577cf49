"""The chat's commands: /apply, /undo, /diff, /test CMD, /files, /clear, /exit (and /help).
Each takes the state and returns the next one; what it says goes to the chat's output. A
command that cannot run (nothing to apply, nothing to undo) says why in one line and leaves the
state as it was."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from dcx.baseline import run_tests
from dcx.chat.context import ChatContext
from dcx.chat.memory import Memory
from dcx.chat.state import ChatState, Failing
from dcx.errors import DcxError
from dcx.verify import parse_command
from dcx.write import apply_changes, undo_apply

TEST_OUTPUT_LINES = 40  # of a failing /test's output shown


class ChatCommandError(DcxError):
    """A chat command that cannot run as typed; the session goes on."""


def apply(ctx: ChatContext, state: ChatState, argument: str) -> ChatState:
    """Write the last change and stage it (as `dcx fix --apply`); `/undo` reverts it. A change the
    tests still fail with is written only as `/apply failing` (as `--apply-failing`)."""
    change = state.change
    if change is None or not change.result.changes:
        raise ChatCommandError("nothing to apply: ask for a change first (type what to change)")
    if not change.pending:
        raise ChatCommandError(f"the last change is applied already ({', '.join(change.files)}); "
                               "/undo reverts it")
    if change.failing and argument.strip() != "failing":
        raise ChatCommandError(f"the tests still fail with the last change ({change.failing_named}); "
                               "/apply failing writes it anyway")
    try:
        done = apply_changes(ctx.workspace, change.result.changes, change.result.originals,
                             change.request)
    except KeyboardInterrupt:
        raise ChatCommandError("interrupted; nothing was written") from None
    ctx.out.note(f"dcx: applied {', '.join(done.applied)}; staged {', '.join(done.staged) or 'nothing'}"
                 " (/undo reverts it)")
    for note in done.notes:
        ctx.out.note(f"dcx: {note}")
    return replace(state, change=replace(change, applied=done.backup or "applied"))


def undo(ctx: ChatContext, state: ChatState, argument: str) -> ChatState:
    """Revert the last apply (as `dcx undo`); a change of this session becomes pending again."""
    backup = undo_apply(ctx.workspace)
    ctx.out.note(f"dcx: undid {backup.id}: restored {', '.join(backup.files)}")
    change = state.change
    if change is not None and change.applied == backup.id:
        return replace(state, change=replace(change, applied=""))
    return state


def diff(ctx: ChatContext, state: ChatState, argument: str) -> ChatState:
    """Show the last change again."""
    change = state.change
    if change is None or not change.result.diff:
        raise ChatCommandError("no change yet in this session; type what to change")
    ctx.out.diff(change.result.diff_bytes)
    ctx.out.note("dcx: applied (/undo reverts it)" if not change.pending
                 else "dcx: not applied (/apply writes and stages it)")
    return state


def test(ctx: ChatContext, state: ChatState, argument: str) -> ChatState:
    """Run CMD on a scratch copy with the last change (if not applied yet); a failure goes with
    the next change request."""
    command = argument or state.test_command
    if not command:
        raise ChatCommandError("give the test command: /test python -m pytest -q")
    argv = parse_command(command)
    change = state.change
    pending = change.result.changes if change is not None and change.pending else ()
    ctx.reporter.stage(f"running {command} on a scratch copy"
                       + (" with the last change" if pending else ""))
    run = run_tests(ctx.workspace, pending, argv, ctx.settings.test_timeout)
    with_change = " with the last change" if pending else ""
    if run.check.passed:
        ctx.out.text(f"`{command}` passes{with_change}.\n")
        return replace(state, failing=None, test_command=command)
    lines = run.check.output.rstrip().splitlines()[-TEST_OUTPUT_LINES:]
    ctx.out.text(f"`{command}` fails{with_change}:\n" + "\n".join(lines) + "\n")
    ctx.out.note("dcx: the next change you ask for is told this output")
    return replace(state, failing=Failing(command, run.check.output), test_command=command)


def files(ctx: ChatContext, state: ChatState, argument: str) -> ChatState:
    """The files this session's changes touched, and those its answers discussed."""
    if not state.touched and not state.discussed:
        ctx.out.text("No files yet in this session.\n")
    if state.touched:
        ctx.out.text("touched: " + ", ".join(state.touched) + "\n")
    if state.discussed:
        ctx.out.text("discussed: " + ", ".join(state.discussed) + "\n")
    return state


def clear(ctx: ChatContext, state: ChatState, argument: str) -> ChatState:
    """Forget the conversation (an applied change stays applied; /undo still reverts it)."""
    ctx.out.note(f"dcx: forgot the conversation ({len(state.memory.turns)} recent turns"
                 + (", and a change that was not applied" if state.change and state.change.pending
                    else "") + ")")
    return ChatState(memory=Memory(budget=state.memory.budget), test_command=state.test_command)


def leave(ctx: ChatContext, state: ChatState, argument: str) -> ChatState:
    return replace(state, done=True)


def show_help(ctx: ChatContext, state: ChatState, argument: str) -> ChatState:
    ctx.out.text(HELP)
    return state


Command = Callable[[ChatContext, ChatState, str], ChatState]
COMMANDS: dict[str, Command] = {"apply": apply, "undo": undo, "diff": diff, "test": test,
                                "files": files, "clear": clear, "exit": leave, "quit": leave,
                                "help": show_help}
HELP = ("Type a question about the code, or what to change. Commands:\n"
        "  /apply      write and stage the last change     /undo   revert the last apply\n"
        "  /diff       show the last change again          /files  files touched or discussed\n"
        "  /test CMD   run CMD with the last change; later changes are checked with it\n"
        "  /apply failing   write a change the tests still fail with\n"
        "  /clear      forget the conversation             /exit   leave (Ctrl-D too;\n"
        "              Ctrl-C cancels what is running)\n")


def run_command(ctx: ChatContext, state: ChatState, name: str, argument: str) -> ChatState:
    """Run the command ``name``; an unknown one says which exist."""
    command = COMMANDS.get(name)
    if command is None:
        raise ChatCommandError(f"unknown command /{name}; the commands are "
                               + ", ".join(f"/{n}" for n in COMMANDS if n != "quit"))
    return command(ctx, state, argument)
