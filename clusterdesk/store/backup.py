"""Verified backups of a workspace file through SQLite's online backup API, thinned over
time, and restore (DESIGN §4.4)."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain.backup_policy import BackupStamp, backups_to_keep
from .db import APPLICATION_ID, WORKSPACE_SUFFIX, connect_sqlite

_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6}-\d{6})_(?P<reason>[a-z-]+)" + re.escape(WORKSPACE_SUFFIX) + "$")


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC
    reason: str
    size: int

    @property
    def label(self) -> str:
        from ..domain.formatting import format_datetime

        return f"{format_datetime(self.taken_at, seconds=True)} — {self.reason.replace('-', ' ')}"


def fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# integrity_check also cross-checks every index: about 10 s for a 500 MB workspace. Above this
# size the structural quick_check (under a second) is used instead.
THOROUGH_CHECK_LIMIT = 64 * 1024 * 1024


def verify_database_file(path: Path) -> None:
    """Raise BackupError unless the file is an intact ClusterDesk workspace."""
    check = "integrity_check" if path.stat().st_size <= THOROUGH_CHECK_LIMIT else "quick_check"
    try:
        conn = connect_sqlite(path, read_only=True)
    except sqlite3.Error as exc:
        raise BackupError(f"{path.name} cannot be opened: {exc}") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise BackupError(f"{path.name} is not a ClusterDesk workspace")
        result = conn.execute(f"PRAGMA {check}").fetchone()[0]
        if result != "ok":
            raise BackupError(f"{path.name} failed the integrity check: {result}")
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise BackupError(f"{path.name} has rows pointing at missing rows")
    except sqlite3.Error as exc:
        raise BackupError(f"{path.name} is damaged: {exc}") from exc
    finally:
        conn.close()


def copy_database(source: Path, target: Path) -> None:
    """Copy a live database consistently (including what is still in its WAL)."""
    src = connect_sqlite(source, read_only=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
        # A backup is a standalone file: no WAL beside it, safe to copy around.
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()


class BackupStore:
    """The backups of one workspace file, in a folder of their own."""

    def __init__(self, workspace: Path, backup_root: Path) -> None:
        self.workspace = workspace
        digest = hashlib.sha1(str(workspace.resolve()).encode("utf-8")).hexdigest()[:8]
        self.directory = backup_root / f"{workspace.stem}-{digest}"

    def list(self) -> list[BackupInfo]:
        """Backups, newest first."""
        if not self.directory.is_dir():
            return []
        found = []
        for entry in self.directory.iterdir():
            match = _NAME.match(entry.name)
            if not match:
                continue
            taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
            found.append(BackupInfo(entry, taken, match["reason"], entry.stat().st_size))
        return sorted(found, key=lambda b: b.taken_at, reverse=True)

    def newest(self) -> BackupInfo | None:
        backups = self.list()
        return backups[0] if backups else None

    def newest_good(self) -> BackupInfo | None:
        for info in self.list():
            try:
                verify_database_file(info.path)
                return info
            except BackupError:
                continue
        return None

    def take(self, reason: str, *, now: datetime | None = None) -> BackupInfo:
        """Write a backup, check it, and only then give it its final name."""
        now = now or datetime.now(UTC)
        self.directory.mkdir(parents=True, exist_ok=True)
        final = self.directory / f"{now:%Y%m%d-%H%M%S-%f}_{reason}{WORKSPACE_SUFFIX}"
        partial = final.with_name(final.name + ".partial")
        try:
            copy_database(self.workspace, partial)
            verify_database_file(partial)
            with open(partial, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(partial, final)
            fsync_dir(self.directory)
        except (sqlite3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise BackupError(f"The backup could not be written: {exc}") from exc
        except BackupError:
            partial.unlink(missing_ok=True)
            raise
        return BackupInfo(final, now, reason, final.stat().st_size)

    def thin(self, *, now: datetime | None = None) -> list[Path]:
        """Delete the backups the policy no longer keeps; returns what was deleted."""
        now = now or datetime.now(UTC)
        backups = self.list()
        keep = backups_to_keep(
            [BackupStamp(b.path.name, b.taken_at, b.reason) for b in backups], now
        )
        removed = []
        for info in backups:
            if info.path.name not in keep:
                info.path.unlink(missing_ok=True)
                removed.append(info.path)
        return removed


def restore_into(backup: Path, workspace: Path) -> None:
    """Replace the workspace's content with a verified backup, in one transaction.

    The caller holds the workspace lock and has closed its own connections.
    """
    verify_database_file(backup)
    src = connect_sqlite(backup, read_only=True)
    dst = connect_sqlite(workspace)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = WAL")
    finally:
        dst.close()
        src.close()
    verify_database_file(workspace)
