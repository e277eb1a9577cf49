"""`dcx models`: which model file (or server) each role uses, where that came from, and its state;
works outside a repository too (without a repository's config)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from dcx.commands import settings_for
from dcx.errors import DcxError
from dcx.models import model_report
from dcx.progress import Reporter
from dcx.workspace import Workspace


def models(cwd: Path, flags: Mapping[str, Any], assemble: bool,
           reporter: Reporter) -> list[dict[str, Any]]:
    """One row per role (see dcx.models.model_report); with ``assemble``, packaged models are
    assembled and verified first."""
    try:
        workspace: Workspace | None = Workspace(cwd)
    except DcxError:
        workspace = None  # outside a repository: no repository config
    return model_report(settings_for(flags, workspace), assemble, reporter)
