"""The verified backup taken before every import, merge and their undo (DESIGN §4.4)."""

from __future__ import annotations

from pathlib import Path

from .context import ServiceContext


def backup_before(ctx: ServiceContext, reason: str) -> Path | None:
    """Write and verify a backup of the workspace file; None for a server database or a
    workspace open read-only (which a write would refuse anyway)."""
    workspace = ctx.workspace
    if workspace.backups is None or workspace.read_only:
        return None
    return workspace.backups.take(reason).path
