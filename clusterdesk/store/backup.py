"""Verified backups of a workspace file through SQLite's online backup API, thinned over
time, and restore (DESIGN §4.4)."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain.backup_policy import BackupStamp, backups_to_keep
from .db import (
    WORKSPACE_SUFFIX,
    check_summary,
    connect_sqlite,
    header_problem,
    remove_database_file,
)
from .errors import StoreError

_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6}-\d{6})_(?P<reason>[a-z-]+)" + re.escape(WORKSPACE_SUFFIX) + "$")
PARTIAL = ".partial"
# A backup being written by another ClusterDesk is younger than this; an older .partial file
# was left by a program that was killed while writing it.
STALE_PARTIAL_SECONDS = 10 * 60


class BackupError(StoreError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC
    reason: str
    size: int
    checked: str = ""  # what verifying it checked; empty for a backup listed from disk

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
# size a backup is verified with the structural quick_check (under a second) instead;
# `clusterdesk check` always runs the full check.
THOROUGH_CHECK_LIMIT = 64 * 1024 * 1024
THOROUGH = "integrity and foreign keys checked"
QUICK = ("structure (quick check) and foreign keys checked; "
         "`clusterdesk check` runs the full integrity check")


def database_problem(path: Path, *, thorough: bool | None = None) -> tuple[str | None, str]:
    """Check a workspace file read-only: (what is wrong as a predicate — "is not a ClusterDesk
    workspace" — or None, and what was checked)."""
    problem = header_problem(path)
    if thorough is None:
        thorough = problem is not None or path.stat().st_size <= THOROUGH_CHECK_LIMIT
    checked = THOROUGH if thorough else QUICK
    if problem is not None:
        return problem, checked
    try:
        conn = connect_sqlite(path, read_only=True)
    except sqlite3.Error as exc:
        return f"cannot be opened ({exc})", checked
    try:
        check = "integrity_check" if thorough else "quick_check"
        rows = [row[0] for row in conn.execute(f"PRAGMA {check}")]
        if rows != ["ok"]:
            return f"failed the integrity check ({check_summary(rows)})", checked
        dangling = sorted({row[0] for row in conn.execute("PRAGMA foreign_key_check")})
        if dangling:
            return f"has rows pointing at missing rows (in {', '.join(dangling)})", checked
    except sqlite3.Error as exc:
        return f"is damaged ({exc})", checked
    finally:
        conn.close()
    return None, checked


def verify_database_file(path: Path, *, label: str = "", thorough: bool | None = None) -> str:
    """Raise BackupError unless the file is an intact ClusterDesk workspace; returns what was
    checked. `label` is how messages name the file (default: its name)."""
    problem, checked = database_problem(path, thorough=thorough)
    if problem is not None:
        raise BackupError(f"{label or path.name} {problem}.")
    return checked


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


def write_verified_copy(source: Path, target: Path, *, what: str) -> str:
    """Copy a workspace to `target` through a temporary file that only gets the final name
    once the copy passed its check; returns what was checked. `what` names the copy in
    messages ("The backup of x.clusterdesk (manual)")."""
    partial = target.with_name(target.name + PARTIAL)
    remove_database_file(partial)
    name = source.name
    try:
        copy_database(source, partial)
        problem, checked = database_problem(partial)
        if problem is not None:
            # The copy is faithful: it is the workspace itself that fails the check.
            raise BackupError(f"{what} was not written: {name} {problem}. Nothing was changed.")
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
        fsync_dir(target.parent)
    except (sqlite3.Error, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BackupError(f"{what} could not be written to {target.parent}: {reason}.") from exc
    finally:
        remove_database_file(partial)
    return checked


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
        what = f"The backup of {self.workspace.name} ({reason.replace('-', ' ')})"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackupError(f"{what} could not be written: the backup folder {self.directory} "
                              f"cannot be created ({exc.strerror or exc}).") from exc
        self.remove_stale_partials()
        final = self.directory / f"{now:%Y%m%d-%H%M%S-%f}_{reason}{WORKSPACE_SUFFIX}"
        checked = write_verified_copy(self.workspace, final, what=what)
        return BackupInfo(final, now, reason, final.stat().st_size, checked)

    def remove_stale_partials(self) -> list[Path]:
        """Delete what a program killed while writing a backup left behind."""
        removed = []
        cutoff = time.time() - STALE_PARTIAL_SECONDS
        for entry in self.directory.iterdir():
            if PARTIAL in entry.name and entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink(missing_ok=True)
                removed.append(entry)
        return removed

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
    """Replace the workspace's content with a backup, in one transaction.

    The caller checked the backup (`check_backup_for`), holds the workspace lock and has
    closed its own connections.
    """
    if not workspace.exists():
        remove_database_file(workspace)  # a WAL left without its file must not be replayed
    src = connect_sqlite(backup, read_only=True)
    dst = connect_sqlite(workspace)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = WAL")
    finally:
        dst.close()
        src.close()
    verify_database_file(workspace)


class ForeignBackup(BackupError):
    """The backup is of another workspace than the one it would replace."""


def workspace_identity(path: Path) -> tuple[str, str] | None:
    """(id, name) a workspace file records, or None when it cannot be read."""
    if header_problem(path) is not None:
        return None
    try:
        conn = connect_sqlite(path, read_only=True)
        try:
            row = conn.execute("SELECT id, name FROM clusterdesk_workspace").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return (str(row[0]), str(row[1])) if row else None


_NOT_A_BACKUP = {
    "is a folder, not a ClusterDesk workspace": "it is a folder",
    "is not a ClusterDesk workspace (it is not a database file)": "it is not a database file",
    "is a database, but not a ClusterDesk workspace": "it is a database of another program",
}


def check_backup_for(backup: Path, workspace: Path, *, allow_foreign: bool = False) -> str:
    """Refuse a file that is not an intact backup of this workspace; returns what was checked.
    A workspace that cannot be read (damaged, missing) accepts any intact backup."""
    problem = header_problem(backup)
    if problem == "does not exist":
        raise BackupError(f"There is no backup file at {backup}.")
    if problem is not None:
        raise BackupError(f"{backup.name} is not a ClusterDesk backup ({_NOT_A_BACKUP[problem]}).")
    checked = verify_database_file(backup, label=f"The backup {backup.name}")
    ours, theirs = workspace_identity(workspace), workspace_identity(backup)
    if not allow_foreign and ours and theirs and ours[0] != theirs[0]:
        raise ForeignBackup(f"{backup.name} is a backup of another workspace (“{theirs[1]}”), not of "
                            f"{workspace.name} (“{ours[1]}”). Nothing was changed.")
    return checked


def set_aside(path: Path) -> Path:
    """Rename a (damaged) workspace file and its WAL out of the way, keeping every byte."""
    keep = path.with_name(f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
    path.rename(keep)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(path) + suffix)
        if extra.exists():
            extra.rename(Path(str(keep) + suffix))
    return keep


@dataclass(frozen=True)
class RestoreOutcome:
    safety_backup: BackupInfo | None  # what the workspace held before, when it could be read
    kept_damaged: Path | None  # where a workspace that could not be backed up was put aside


def restore_workspace_file(path: Path, backup: Path, store: BackupStore | None, *,
                           damaged: bool = False, allow_foreign: bool = False) -> RestoreOutcome:
    """Go back to a backup of a workspace file that is not open. What the file holds now is
    backed up first; a damaged file (or one that cannot be backed up) is kept beside it under
    another name. The caller holds the workspace lock."""
    check_backup_for(backup, path, allow_foreign=allow_foreign)
    safety = kept = None
    if path.exists():
        if not damaged and store is not None:
            try:
                safety = store.take("before-restore")
            except BackupError:
                damaged = True
        if damaged or store is None:
            kept = set_aside(path)
    restore_into(backup, path)
    return RestoreOutcome(safety, kept)
