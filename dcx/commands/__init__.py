"""One module per command (`fix`, `ask`, `chat`, `undo`, `models`, `check`, `hook`, `trust`,
`bench`), each with one function that does the command's work and returns what the CLI renders.
dcx.cli only parses options and dcx.render prints; nothing here imports click."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from dcx.config import load_settings
from dcx.settings import Settings
from dcx.workspace import Workspace


def open_workspace(cwd: Path | str = ".") -> Workspace:
    return Workspace(cwd)


def settings_for(flags: Mapping[str, Any], workspace: Workspace | None = None) -> Settings:
    """Settings from the defaults, config files, the environment and the command's flags (a
    repository's own config when there is one)."""
    return load_settings(workspace.root if workspace else None, dict(flags))
