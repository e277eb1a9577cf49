"""`dcx check` (the pre-commit hook): run the user's check command; when it passes, stop at once
without loading a model. When it fails, ask the models for a fix within the given files, keep
only a fix that makes the check pass on a scratch copy, and write it to the working tree
unstaged (through the write transaction), so the commit stops and the user reviews it (the
convention of formatter hooks)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from dcx.backends import Backend
from dcx.commands import open_workspace, settings_for
from dcx.errors import AppliedError, DcxError
from dcx.patch import FileChange, build_patch, patch_bytes
from dcx.progress import Reporter
from dcx.request import Request, Result
from dcx.run import withheld_test_command
from dcx.settings import Settings
from dcx.solve import TestCommand, solve
from dcx.verify import parse_command, run_check
from dcx.workspace import Workspace
from dcx.write import apply_changes


@dataclass(frozen=True)
class CheckOutcome:
    passed: bool  # the check passed as the files were: nothing to do
    output: str  # the check's failing output, trimmed
    diff: str = ""  # dcx's fix ("" when none was found)
    fixed: bool = False  # the fix made the check pass (on a scratch copy)
    written: tuple[str, ...] = ()  # files written to the working tree, unstaged
    backup: str = ""  # the id `dcx undo` knows the write by
    note: str = ""  # why no fix came out, when dcx failed to make one
    changes: tuple[FileChange, ...] = ()  # the fix's changes (``diff`` is their diff)
    argv: tuple[str, ...] = ()  # the check command that ran

    @property
    def diff_bytes(self) -> bytes:
        return patch_bytes(self.changes)

    @property
    def exit_code(self) -> int:
        """0 when the check passed; 1 stops the commit (with or without a fix written)."""
        return 0 if self.passed else 1


def check(cwd: Path, files: tuple[str, ...], argv: tuple[str, ...] | None,
          command_text: str | None, staged: bool, write: bool, flags: Mapping[str, Any],
          reporter: Reporter) -> CheckOutcome:
    """`dcx check [--staged] [--no-write] [FILES] [--command CMD | -- CMD...]` run from ``cwd``;
    with no command, the configured test_command."""
    if command_text and argv:
        raise DcxError("give the check command once: after `--` or with --command, not both")
    workspace = open_workspace(cwd)
    settings = settings_for(flags, workspace)
    command = command_text or (shlex.join(argv) if argv else settings.test_command)
    if not command:
        held = withheld_test_command(settings)
        trust = f"; {held}" if held else ""
        raise DcxError('no check command; add it after `--` (dcx check -- python -m pytest -q) '
                       f'or with --command "python -m pytest -q"{trust}')
    # `python` in a check is the project's (first on PATH), not dcx's own environment
    argv = parse_command(command, this_python=False)
    allowed = files + (staged_files(workspace) if staged else ()) if files or staged else None
    return run_check_hook(workspace, settings, argv, allowed, write, reporter)


def staged_files(workspace: Workspace) -> tuple[str, ...]:
    """Files added, copied, modified or renamed in the index (what a commit would take), as
    absolute paths (FILES arguments are relative to the current directory)."""
    out = workspace.repo.git.diff("--cached", "--name-only", "--diff-filter=ACMR", "-z")
    return tuple(str(workspace.root / p) for p in out.split("\0") if p)


def _instruction(argv: tuple[str, ...], output: str) -> str:
    return f"Make the check `{shlex.join(argv)}` pass. It fails with:\n{output}"


def run_check_hook(
    workspace: Workspace,
    settings: Settings,
    argv: tuple[str, ...],
    files: tuple[str, ...] | None,
    write: bool,
    reporter: Reporter,
    backends: Mapping[str, Backend] | None = None,
) -> CheckOutcome:
    """Run ``argv`` in the work tree; on failure, fix within ``files`` (any file when None)."""
    reporter.stage(f"running {shlex.join(argv)}")
    first = run_check(argv, workspace.root, settings.test_timeout)
    if first.passed:
        return CheckOutcome(True, "", argv=argv)
    refused: list[str] = []
    allowed = None if files is None else tuple(dict.fromkeys(
        p for p in (_repo_path(workspace, f, refused) for f in files) if p is not None))
    readable = tuple(p for p in allowed or () if _readable(workspace, p, refused))
    if allowed is not None and not readable:
        why = f" ({'; '.join(dict.fromkeys(refused))})" if refused else ""
        return CheckOutcome(False, first.output, argv=argv,
                            note=f"none of the given files is a text file dcx may change{why}")

    def within(result: Result) -> tuple[FileChange, ...]:
        return tuple(c for c in result.changes if allowed is None or c.path in allowed)

    tests = TestCommand(argv, settings.test_timeout,
                        lambda change: allowed is None or change.path in allowed)
    request = Request(_instruction(argv, first.output), readable, "fix")
    try:
        solution = solve(request, workspace, settings, reporter, backends, None,
                         settings.test_rounds, tests=tests)
    except DcxError as exc:  # the check's failure stays the news; say why there is no fix
        return CheckOutcome(False, first.output, note=str(exc), argv=argv)
    if solution.withheld:
        return CheckOutcome(False, first.output, note=solution.withheld, argv=argv)
    return _write_fix(workspace, solution.result, within(solution.result), bool(solution.passed),
                      write, request.instruction, first.output, argv)


def _write_fix(workspace: Workspace, chosen: Result, changes: tuple[FileChange, ...], good: bool,
               write: bool, instruction: str, output: str, argv: tuple[str, ...]) -> CheckOutcome:
    """Write a fix that passed, unstaged; otherwise (or with --no-write) only show it."""
    diff = build_patch(list(changes))
    if not good or not write or not changes:
        return CheckOutcome(False, output, diff, good, changes=changes, argv=argv)
    try:
        applied = apply_changes(workspace, changes, chosen.originals, instruction, stage=False)
    except AppliedError:
        raise  # written, but not recorded as done: the error says `dcx undo` reverts it
    except DcxError as exc:  # e.g. the user edited the file meanwhile: show the fix, write nothing
        return CheckOutcome(False, output, diff, True, note=f"not written: {exc}", changes=changes,
                            argv=argv)
    return CheckOutcome(False, output, diff, True, applied.applied, applied.backup,
                        changes=changes, argv=argv)


def _repo_path(workspace: Workspace, path: str, refused: list[str]) -> str | None:
    """A FILES argument (relative to the current directory) as a repository path; None for
    one dcx may not touch (a secret, outside the repository, through a symlink), and why in
    ``refused``."""
    try:
        return workspace.relative(path)
    except DcxError as exc:
        refused.append(str(exc))
        return None


def _readable(workspace: Workspace, path: str, refused: list[str]) -> bool:
    try:
        workspace.read(path)
    except DcxError as exc:
        refused.append(str(exc))
        return False
    return True
