"""What the command line prints: diffs (coloured on a terminal), answers streamed as they come,
and the one-line notes on stderr. Model text and paths pass through `dcx.terminal` first, so no
escape sequence a model or a file name holds reaches the terminal. Used by `dcx.cli` only."""

from __future__ import annotations

import sys
from typing import Any

import click

from dcx.listing import first_few
from dcx.terminal import plain_text, visible_bytes


def is_terminal(stream: Any) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def _color_enabled(stream: Any) -> bool:
    from dcx.settings import from_environment

    return not from_environment("no_color") and is_terminal(stream)


def colorize(diff: str) -> str:
    out = []
    for line in diff.splitlines(keepends=True):
        if line.startswith(("+++", "---", "diff --git", "new file mode")):
            out.append(click.style(line, bold=True))
        elif line.startswith("@@"):
            out.append(click.style(line, fg="cyan"))
        elif line.startswith("+"):
            out.append(click.style(line, fg="green"))
        elif line.startswith("-"):
            out.append(click.style(line, fg="red"))
        else:
            out.append(line)
    return "".join(out)


def note(text: str) -> None:
    """One line on stderr; model text and paths in it are stripped of control sequences."""
    click.echo(plain_text(text), err=True)


def print_diff(diff: bytes) -> None:
    """The diff's own bytes (a Latin-1 file's part in Latin-1, as `git apply` needs it); on a
    terminal, control characters in them are shown as ``\\x1b`` rather than obeyed, and colours
    are added around them without re-encoding anything."""
    if is_terminal(sys.stdout):
        diff = visible_bytes(diff)
    if _color_enabled(sys.stdout):
        diff = colorize(diff.decode("latin-1")).encode("latin-1")
    click.echo(diff, nl=False)


def print_result(mode: str, outcome: Any) -> None:
    """stdout: the diff (fix), or the answer and any proposed change (ask)."""
    result = outcome.result
    if mode == "ask":
        click.echo(plain_text(result.answer) or "(no answer)")
        if result.diff:
            click.echo("\nProposed change (not applied):")
            print_diff(result.diff_bytes)
    elif result.diff:
        print_diff(result.diff_bytes)


def print_notes(outcome: Any) -> None:
    """stderr: what happened around a fix's result."""
    result = outcome.result
    for line in outcome.notes:
        note(f"dcx: {line}")
    if outcome.withheld:
        note(f"dcx: no change: {outcome.withheld}; nothing was written")
    elif not result.diff:
        note(f"dcx: nothing needed changing. {result.answer}".rstrip())
    elif result.answer:
        note(f"dcx: {result.answer}")
    if outcome.tests_passed is not None:
        attempts = len(outcome.checks)
        after = f"after {attempts} attempt{'s' if attempts > 1 else ''}"
        if outcome.tests_passed:
            note(f"dcx: the tests pass with this change ({after})")
        else:
            failing = first_few(outcome.still_failing, 5) or "see `--json` for the output"
            note(f"dcx: the tests still fail with the best change dcx found ({after}): {failing}")
    elif outcome.checks and not outcome.withheld:
        note("dcx: the test command ran no test (pytest collected none), so this change is "
             "untested; point --test at the tests")
    if outcome.kept_back:
        note("dcx: not applied, since the tests still fail; `--apply-failing` applies it anyway "
             "(never a change that breaks a test that passed before)")
    if outcome.applied:
        if outcome.applied.applied:
            note(f"dcx: applied {', '.join(outcome.applied.applied)}; "
                 f"staged {', '.join(outcome.applied.staged) or 'nothing'} "
                 "(`dcx undo` reverts it)")
        for line in outcome.applied.notes:
            note(f"dcx: {line}")


_STREAM = {"open": False}  # a streamed answer's last line has no newline yet


def stream_text(piece: str) -> None:
    """A piece of a streamed answer, shown at once (stripped of escape sequences)."""
    text = plain_text(piece)
    sys.stdout.write(text)
    sys.stdout.flush()
    _STREAM["open"] = not text.endswith("\n") if text else _STREAM["open"]


def chat_note(text: str) -> None:
    """A chat's note on stderr, on a line of its own even after an answer cut short."""
    if _STREAM.get("open") and is_terminal(sys.stdout):
        sys.stdout.write("\n")
        sys.stdout.flush()
    _STREAM["open"] = False
    note(text)


def model_row_text(row: dict) -> str:
    """One role's model for `dcx models`; a name a server reports is stripped of control
    sequences like any text dcx did not write itself."""
    if row["backend"] == "openai":
        state = ("reachable" if row["reachable"] else "NOT reachable") + (
            f" ({row['error']})" if row["error"] else "")
        return plain_text(f"{row['role']:8} {row['model'] or '(not named)'} on {row['url']}\n"
                          f"         from: {row['origin']}; {state}; "
                          f"API key {_key_state(row)}; backend openai, {row['mode']}-model mode")
    size = f"{row['size']:,} bytes" if row["size"] is not None else "missing"
    verified = {True: "sha256 verified", False: "not verified", None: "sha256 not known"}[
        row["sha256_verified"]]
    return plain_text(f"{row['role']:8} {row['model']}\n         file: {row['path']}\n"
                      f"         from: {row['origin']}; {size}; {verified}; "
                      f"backend {row['backend']}, {row['mode']}-model mode")


def _key_state(row: dict) -> str:
    if row.get("api_key_withheld"):
        return "withheld (the URL comes only from the repository's config)"
    return "set" if row["api_key"] else "not set"
