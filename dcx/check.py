"""`dcx check` (the pre-commit hook): run the user's check command; when it passes, stop at once
without loading a model. When it fails, ask the models for a fix within the given files, keep
only a fix that makes the check pass on a scratch copy, and write it to the working tree
unstaged, so the commit stops and the user reviews it (the convention of formatter hooks).

Also `dcx hook install`: a plain `.git/hooks/pre-commit` for users without the pre-commit
framework."""

from __future__ import annotations

import shlex
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from dcx import backups
from dcx.apply import after_writing, write_with_backup
from dcx.backends import Backend
from dcx.config import Settings
from dcx.errors import DcxError
from dcx.handler import Request, Result
from dcx.patch import FileChange, build_patch, patch_bytes
from dcx.progress import Reporter
from dcx.solve import solve
from dcx.verify import CheckResult, check_in_scratch, run_check
from dcx.workspace import Workspace

HOOK_MARK = "# installed by `dcx hook install`"


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

    @property
    def diff_bytes(self) -> bytes:
        return patch_bytes(self.changes)


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
        return CheckOutcome(True, "")
    allowed = None if files is None else tuple(dict.fromkeys(
        p for p in (_repo_path(workspace, f) for f in files) if p is not None))
    readable = tuple(p for p in allowed or () if _readable(workspace, p))
    if allowed is not None and not readable:
        return CheckOutcome(False, first.output, note="none of the given files is a text file "
                                                      "dcx may change")

    def within(result: Result) -> tuple[FileChange, ...]:
        return tuple(c for c in result.changes if allowed is None or c.path in allowed)

    def check(result: Result) -> CheckResult:
        changes = within(result)
        if not changes:
            return CheckResult(False, first.output)
        reporter.stage(f"running {shlex.join(argv)} on a scratch copy with the fix")
        return check_in_scratch(workspace, changes, argv, settings.test_timeout)

    request = Request(_instruction(argv, first.output), readable, "fix")
    try:
        solution = solve(request, workspace, settings, reporter, backends, check,
                         settings.test_rounds)
    except DcxError as exc:  # the check's failure stays the news; say why there is no fix
        return CheckOutcome(False, first.output, note=str(exc))
    good = bool(solution.passed)
    chosen = solution.result
    changes = within(chosen)
    diff = build_patch(list(changes))
    if not good or not write or not changes:
        return CheckOutcome(False, first.output, diff, bool(good), changes=changes)
    try:
        folder = write_with_backup(workspace, changes, chosen.originals, request.instruction)
    except DcxError as exc:  # e.g. the user edited the file meanwhile: show the fix, write nothing
        return CheckOutcome(False, first.output, diff, True, note=f"not written: {exc}",
                            changes=changes)
    after_writing(workspace, folder, lambda: backups.mark_applied(workspace, folder),
                  "recording the fix for dcx undo", "not recorded as done")
    return CheckOutcome(False, first.output, diff, True, tuple(c.path for c in changes), folder.name,
                        changes=changes)


def _repo_path(workspace: Workspace, path: str) -> str | None:
    """A FILES argument (relative to the current directory) as a repository path; None for
    one dcx may not touch (a secret, outside the repository, through a symlink)."""
    try:
        return workspace.relative(path)
    except DcxError:
        return None


def _readable(workspace: Workspace, path: str) -> bool:
    try:
        workspace.read(path)
    except DcxError:
        return False
    return True


def hook_path(workspace: Workspace) -> Path:
    """Where git looks for the pre-commit hook (honours core.hooksPath)."""
    hooks = workspace.repo.git.rev_parse("--git-path", "hooks")
    path = Path(hooks)
    return (path if path.is_absolute() else workspace.root / path) / "pre-commit"


def install_hook(workspace: Workspace, command: str, force: bool) -> Path:
    """Write a pre-commit hook that runs ``dcx check --staged --command COMMAND``."""
    path = hook_path(workspace)
    if path.exists() and not force:
        raise DcxError(f"{path} exists already; dcx leaves it alone. Add `dcx check` to it "
                       "yourself, or run `dcx hook install --force` to replace it")
    dcx = Path(sys.executable).with_name("dcx")
    program = shlex.quote(str(dcx)) if dcx.exists() else "dcx"
    script = (
        "#!/bin/sh\n"
        f"{HOOK_MARK}: runs the check on the working tree; when it fails, dcx writes a fix\n"
        "# (unstaged, next to your own unstaged edits, which it never touches) and stops the commit.\n"
        f"exec {program} check --staged --command {shlex.quote(command)}\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path
