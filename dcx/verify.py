"""The verify loop: run the user's test command on a scratch copy with the candidate change, and
feed failures back to the models for another attempt, a bounded number of times."""

from __future__ import annotations

import os
import re
import selectors
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from dcx.encoding import encode, output_text
from dcx.errors import InputError
from dcx.gitenv import away_from_the_repository
from dcx.patch import FileChange
from dcx.workspace import Workspace

FEEDBACK_CHARS = 1500
OUTPUT_GRACE_S = 1.0  # how long output is still read after the check's own process exited
_POLL_S = 0.1  # how often a check's exit is looked for while its output stays open
_CHUNK = 65536
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


@dataclass(frozen=True)
class CheckResult:
    passed: bool
    output: str  # trimmed to what helps a model
    timed_out: bool = False
    code: int | None = None  # the command's exit status (None: it timed out)
    empty: bool = False  # the command ran no test at all (pytest collected none)


def parse_command(command: str, this_python: bool = True) -> tuple[str, ...]:
    """Split a test command into argv (no shell); with ``this_python``, ``python`` means this
    interpreter (dcx's own environment, which has pytest); otherwise it is looked up on PATH."""
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        raise InputError(f"cannot parse the test command {command!r}: {exc}") from None
    if not argv:
        raise InputError("the test command is empty")
    if argv[0] in ("python", "python3"):
        argv[0] = sys.executable if this_python else shutil.which(argv[0]) or sys.executable
    return tuple(argv)


_KEY_LINE = re.compile(
    r"\s*(E\s|>\s|FAILED|ERROR|not ok\b|error:|expected:|actual:|operator:|assert|Traceback"
    r"|.*\b\w*(Error|Exception)\b)")


def trim_output(output: str, limit: int = FEEDBACK_CHARS) -> str:
    """Keep what explains a failure (pytest's E and > lines, TAP's "not ok" and error fields,
    exceptions), then the tail."""
    lines = output.splitlines()
    key = list(dict.fromkeys(line for line in lines if _KEY_LINE.match(line)))
    tail = [line for line in lines[-12:] if line not in key]
    combined = "\n".join(key + (["..."] if key and tail else []) + tail)
    return combined[-limit:]


def run_check(argv: tuple[str, ...], cwd: Path, timeout_s: float, scratch: bool = False,
              grace_s: float = OUTPUT_GRACE_S) -> CheckResult:
    """Run a check in a session (process group) of its own, so that a timeout or Ctrl-C kills
    it with every child it started. Once the check's own process has exited, output that a child
    left in the background still holds open is read for ``grace_s`` more seconds at most, and
    the exit code decides."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if scratch:  # git's hook variables would point git in the copy back at the user's repository
        env = away_from_the_repository(env)
    try:
        process = subprocess.Popen(list(argv), cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True)
    except OSError as exc:
        raise InputError(f"cannot run the test command {argv[0]!r}: {exc.strerror}") from None
    with process, _stop_signals_interrupt():
        try:
            stdout, stderr = _collect(process, time.monotonic() + timeout_s, grace_s)
        except BaseException:  # Ctrl-C: the check is in its own session, the terminal's
            _kill_group(process)  # SIGINT did not reach it
            raise
        timed_out = not _exited(process)
        _kill_group(process)  # a check that exited may leave children running: they go too
    if timed_out:
        return CheckResult(False, f"the test command timed out after {timeout_s:.0f}s "
                                  "(an endless loop?)", True)
    output = stdout + ("\n" + stderr if stderr else "")
    output = output.replace(f"{cwd}{os.sep}", "")  # scratch paths mean nothing to a model
    return CheckResult(process.returncode == 0, trim_output(output), code=process.returncode)


def _collect(process: subprocess.Popen, deadline: float, grace_s: float) -> tuple[str, str]:
    """The check's stdout and stderr as text, read until both close, the ``deadline`` passes,
    or ``grace_s`` after the check's own process exited. ``process.returncode`` stays None when
    the process still runs at the deadline."""
    chunks = {process.stdout: bytearray(), process.stderr: bytearray()}
    with selectors.DefaultSelector() as selector:
        for stream in chunks:
            selector.register(stream, selectors.EVENT_READ)
        exited = False
        while selector.get_map():
            if not exited and _exited(process):
                exited, deadline = True, min(deadline, time.monotonic() + grace_s)
            left = deadline - time.monotonic()
            if left <= 0:
                break
            # wake up now and then: a child may hold the pipes open after the check exits
            for key, _ in selector.select(min(left, _POLL_S)):
                chunk = os.read(key.fd, _CHUNK)
                if chunk:
                    chunks[key.fileobj] += chunk
                else:
                    selector.unregister(key.fileobj)
    while not _exited(process) and time.monotonic() < deadline:  # the pipes closed, it may run on
        time.sleep(_POLL_S)
    return output_text(bytes(chunks[process.stdout])), output_text(bytes(chunks[process.stderr]))


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """While a check runs, SIGTERM and SIGHUP (a closed terminal, a cancelled CI job) stop dcx
    as Ctrl-C does, so that the check is killed too: in a session of its own, it no longer gets
    the signals sent to dcx's process group. A signal that was ignored stays ignored; handlers
    can only be set in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum in _STOP_SIGNALS:
        if signal.getsignal(signum) not in (signal.SIG_IGN, None):
            previous[signum] = signal.signal(signum, _interrupt)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _exited(process: subprocess.Popen) -> bool:
    """Whether the check's own process has exited, without reaping it: until dcx reaps it, its
    pid (the id of its process group) cannot be given to another process."""
    if process.returncode is not None:
        return True
    try:
        return os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def _kill_group(process: subprocess.Popen) -> None:
    """Kill the check's process group (what it left running in the background too) while its
    leader is not reaped, so that the group's id cannot belong to another process; then reap it."""
    if process.returncode is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.wait()


def check_in_scratch(workspace: Workspace, changes: tuple[FileChange, ...], argv: tuple[str, ...],
                     timeout_s: float) -> CheckResult:
    """Copy the working tree's files to a scratch folder, apply the change there (after any change
    the workspace reads as made but has not written), run the tests."""
    with tempfile.TemporaryDirectory(prefix="dcx-verify-") as scratch:
        root = Path(scratch)
        for path in workspace.all_files:
            source = workspace.root / path
            if source.is_symlink() or not source.is_file():
                continue
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / path)
        for change in (*workspace.laid_over, *changes):
            (root / change.path).parent.mkdir(parents=True, exist_ok=True)
            (root / change.path).write_bytes(encode(change.new, change.encoding, change.path))
        return run_check(argv, root, timeout_s, scratch=True)
