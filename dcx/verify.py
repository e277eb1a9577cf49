"""The verify loop: run the user's test command on a scratch copy with the candidate change, and
feed failures back to the models for another attempt, a bounded number of times."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dcx.encoding import encode
from dcx.errors import InputError
from dcx.patch import FileChange
from dcx.workspace import Workspace

FEEDBACK_CHARS = 1500


@dataclass(frozen=True)
class CheckResult:
    passed: bool
    output: str  # trimmed to what helps a model
    timed_out: bool = False


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


# Set by git for hooks: they would point a check run elsewhere back at the user's repository.
_GIT_LOCATION = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                 "GIT_COMMON_DIR", "GIT_PREFIX")


def run_check(argv: tuple[str, ...], cwd: Path, timeout_s: float, scratch: bool = False) -> CheckResult:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if scratch:
        for name in _GIT_LOCATION:
            env.pop(name, None)
    try:
        done = subprocess.run(list(argv), cwd=cwd, capture_output=True, text=True,
                              timeout=timeout_s, env=env, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return CheckResult(False, f"the test command timed out after {timeout_s:.0f}s "
                                  "(an endless loop?)", True)
    except OSError as exc:
        raise InputError(f"cannot run the test command {argv[0]!r}: {exc.strerror}") from None
    output = done.stdout + ("\n" + done.stderr if done.stderr else "")
    output = output.replace(f"{cwd}{os.sep}", "")  # scratch paths mean nothing to a model
    return CheckResult(done.returncode == 0, trim_output(output))


def check_in_scratch(workspace: Workspace, changes: tuple[FileChange, ...], argv: tuple[str, ...],
                     timeout_s: float) -> CheckResult:
    """Copy the working tree's files to a scratch folder, apply the change there, run the tests."""
    with tempfile.TemporaryDirectory(prefix="dcx-verify-") as scratch:
        root = Path(scratch)
        for path in workspace.all_files:
            source = workspace.root / path
            if source.is_symlink() or not source.is_file():
                continue
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / path)
        for change in changes:
            (root / change.path).parent.mkdir(parents=True, exist_ok=True)
            (root / change.path).write_bytes(encode(change.new, change.encoding, change.path))
        return run_check(argv, root, timeout_s, scratch=True)
