"""`dcx hook install`: a plain git pre-commit hook running `dcx check --staged`, for users without
the pre-commit framework. An existing hook of any kind (a file, a link, a link to nothing) is
left alone unless forced; forced, the entry itself is replaced, never written through."""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from dcx.atomic import write_atomic
from dcx.commands import open_workspace
from dcx.errors import DcxError
from dcx.workspace import Workspace

HOOK_MARK = "# installed by `dcx hook install`"


@dataclass(frozen=True)
class Installed:
    path: Path  # the hook written
    command: str  # the check it runs


def install(cwd: Path, command_text: str | None, argv: tuple[str, ...] | None,
            force: bool) -> Installed:
    """`dcx hook install [--force] (--command CMD | -- CMD...)` run from ``cwd``."""
    command = command_text or (shlex.join(argv) if argv else "")
    if not command.strip():
        raise DcxError("no check command; e.g. dcx hook install -- python -m pytest -q")
    return Installed(install_hook(open_workspace(cwd), command, force), command)


def hook_path(workspace: Workspace) -> Path:
    """Where git looks for the pre-commit hook (honours core.hooksPath)."""
    hooks = workspace.repo.git.rev_parse("--git-path", "hooks")
    path = Path(hooks)
    return (path if path.is_absolute() else workspace.root / path) / "pre-commit"


def install_hook(workspace: Workspace, command: str, force: bool) -> Path:
    """Write a pre-commit hook that runs ``dcx check --staged --command COMMAND``."""
    path = hook_path(workspace)
    if (path.exists() or path.is_symlink()) and not force:  # a dangling link exists too
        raise DcxError(f"{path} exists already; dcx leaves it alone. Add `dcx check` to it "
                       "yourself, or run `dcx hook install --force` to replace it")
    if path.is_dir() and not path.is_symlink():
        raise DcxError(f"{path} is a folder; move it away and run `dcx hook install` again")
    link = _link_in_tree(workspace, path.parent)
    if link is not None:
        raise DcxError(f"the hooks folder {path.parent} runs through {link}, a link in the "
                       f"repository (to {link.resolve()}); dcx writes a hook only into a real "
                       "folder. Add `dcx check --staged` to your hook yourself")
    dcx = Path(sys.executable).with_name("dcx")
    program = shlex.quote(str(dcx)) if dcx.exists() else "dcx"
    script = (
        "#!/bin/sh\n"
        f"{HOOK_MARK}: runs the check on the working tree; when it fails, dcx writes a fix\n"
        "# (unstaged, next to your own unstaged edits, which it never touches) and stops the commit.\n"
        f"exec {program} check --staged --command {shlex.quote(command)}\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    # a new file renamed over the entry: a link there is replaced, never followed
    write_atomic(path, script.encode("utf-8"), 0o755)
    return path


def _link_in_tree(workspace: Workspace, folder: Path) -> Path | None:
    """The first symbolic link on the way from the working tree's root to ``folder``, when
    ``folder`` lies in the tree (outside `.git`): a repository's files would choose where the
    hook is written (core.hooksPath set to a tracked link, as husky's `.husky` can be)."""
    try:
        parts = folder.relative_to(workspace.root).parts
    except ValueError:
        return None  # a folder outside the tree: the user's own core.hooksPath
    if parts[:1] == (".git",):
        return None
    here = workspace.root
    for part in parts:
        here = here / part
        if here.is_symlink():
            return here
    return None
