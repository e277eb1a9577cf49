"""`dcx trust`: let this repository's own dcx config (`.dcx.toml`, `[tool.dcx]`) set what reaches
outside the repository (model files, servers, threads), exactly as it reads now; `--revoke`
takes that back. Any later change to the config revokes the trust by itself (dcx.trust)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dcx.commands import open_workspace
from dcx.trust import TrustedFile, trust_repository, untrust_repository


@dataclass(frozen=True)
class TrustOutcome:
    root: Path
    trusted: tuple[TrustedFile, ...] = ()
    revoked: bool | None = None  # with --revoke: whether there was trust to take back


def trust(cwd: Path, revoke: bool) -> TrustOutcome:
    root = open_workspace(cwd).root
    if revoke:
        return TrustOutcome(root, revoked=untrust_repository(root))
    return TrustOutcome(root, trust_repository(root))
