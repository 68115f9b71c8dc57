"""Opening, creating and closing a workspace: the checks of DESIGN §4.3–§4.6 in order.

A file is inspected read-only before anything else touches it; a file that is not a
ClusterDesk workspace, is damaged, or comes from a newer ClusterDesk is refused and never
written to.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, insert, inspect, select, text
from sqlalchemy.orm import sessionmaker

from .. import __version__
from .audit import install_audit
from .backup import BackupInfo, BackupStore
from .base import Base
from .db import (
    check_summary,
    connect_sqlite,
    header_problem,
    is_server_url,
    make_engine,
    mark_as_workspace,
    sqlite_error,
    writable_problem,
)
from .derived import install_derived
from .errors import (
    DamagedWorkspace,
    NewerSchema,
    NotAWorkspace,
    ReadOnlyLocation,
    WorkspaceError,
)
from .lock import LockHeld, WorkspaceLock
from .models.core import WORKSPACE_TABLE, WorkspaceInfo
from .schema import HEAD, REVISIONS
from .uow import UnitOfWork

__all__ = [
    "DamagedWorkspace",
    "LockHeld",
    "NewerSchema",
    "NotAWorkspace",
    "ReadOnlyLocation",
    "Workspace",
    "WorkspaceError",
    "create_workspace",
    "inspect_file",
    "open_workspace",
]


@dataclass(frozen=True)
class FileInspection:
    revision: str | None
    name: str
    workspace_id: str | None = None


# Above this size the full quick check (which reads every page) runs in the background
# after opening instead of before: on a slow disk it takes seconds for a huge workspace.
QUICK_CHECK_INLINE_LIMIT = 64 * 1024 * 1024


def damaged(path: Path, rows: list[str]) -> DamagedWorkspace:
    return DamagedWorkspace(f"{path.name} is damaged (the quick check says: {check_summary(rows)}).")


def quick_check(path: Path) -> list[str] | None:
    """SQLite's quick check on a read-only connection; None when it is fine, else its lines."""
    conn = connect_sqlite(path, read_only=True)
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return None if rows == ["ok"] else rows


def inspect_file(path: Path, *, full_check: bool = True) -> FileInspection:
    """Read-only checks of a workspace file; raises a WorkspaceError naming the problem."""
    if not path.exists():
        raise WorkspaceError(f"There is no file at {path}.")
    problem = header_problem(path)
    if problem is not None:
        raise NotAWorkspace(f"{path.name} {problem}.")
    try:
        conn = connect_sqlite(path, read_only=True)
    except sqlite3.Error as exc:
        raise (sqlite_error(exc, path.name, writing=False)
               or DamagedWorkspace(f"{path.name} cannot be read: {exc}.")) from exc
    try:
        if full_check:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if rows != ["ok"]:
                raise damaged(path, rows)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if WORKSPACE_TABLE not in tables or "alembic_version" not in tables:
            raise NotAWorkspace(f"{path.name} is not a ClusterDesk workspace (its tables are missing).")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        info = conn.execute(f"SELECT name, id FROM {WORKSPACE_TABLE}").fetchone()
    except sqlite3.DatabaseError as exc:
        raise (sqlite_error(exc, path.name, writing=False)
               or DamagedWorkspace(f"{path.name} is damaged: {exc}.")) from exc
    finally:
        conn.close()
    return FileInspection(revision[0] if revision else None, info[0] if info else path.stem,
                          str(info[1]) if info else None)


def check_revision(revision: str | None, where: str) -> bool:
    """True when the schema must be upgraded; raises for a schema from a newer program."""
    if revision == HEAD:
        return False
    if revision is None:
        raise DamagedWorkspace(
            f"{where} is damaged or not a complete workspace: it does not record which version "
            "of the ClusterDesk schema it holds. The file was not changed."
        )
    if revision not in REVISIONS:
        raise NewerSchema(
            f"{where} was saved by a newer version of ClusterDesk (schema {revision}). "
            "Update ClusterDesk to open it; the file was not changed."
        )
    return True


@dataclass
class Workspace:
    location: str
    engine: Engine
    name: str
    path: Path | None = None
    read_only: bool = False
    read_only_reason: str = ""
    lock: WorkspaceLock | None = None
    backups: BackupStore | None = None
    # True when the full quick check was left for after opening (a very large file).
    check_pending: bool = False
    # Set when opening upgraded an older schema: from which revision, and the backup taken first.
    upgraded_from: str | None = None
    upgrade_backup: BackupInfo | None = None
    session_factory: sessionmaker = field(init=False)

    def __post_init__(self) -> None:
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        install_audit(self.session_factory)
        install_derived(self.session_factory)

    @property
    def is_server(self) -> bool:
        return self.path is None

    def uow(self, actor: str) -> UnitOfWork:
        return UnitOfWork(self, actor)

    def last_change_at(self) -> datetime | None:
        with self.engine.connect() as conn:
            return conn.execute(select(WorkspaceInfo.last_change_at)).scalar()

    def backup_if_changed(self, reason: str = "on-open") -> BackupInfo | None:
        """Take a backup when data changed since the newest one (or none exists), then thin."""
        if self.backups is None:
            return None
        newest = self.backups.newest()
        changed = self.last_change_at()
        if newest is not None and changed is not None and changed <= newest.taken_at:
            return None
        info = self.backups.take(reason)
        self.backups.thin()
        return info

    def restore(self, backup: Path) -> BackupInfo | None:
        """Replace this workspace's data with a verified backup; the current state is backed
        up first so the restore itself can be undone."""
        if self.path is None or self.read_only:
            raise WorkspaceError("Only a workspace file open for editing can be restored.")
        from .backup import check_backup_for, restore_into

        check_backup_for(backup, self.path)
        safety = self.backups.take("before-restore") if self.backups else None
        self.engine.dispose()
        try:
            restore_into(backup, self.path)
        finally:
            self.engine = make_engine(self.path)
            self.__post_init__()
        return safety

    def deferred_check(self) -> DamagedWorkspace | None:
        """Run the quick check that opening skipped: None when it is fine, else the refusal
        opening would have given (with the newest good backup to offer)."""
        if self.path is None or not self.check_pending:
            return None
        rows = quick_check(self.path)
        self.check_pending = False
        if rows is None:
            return None
        problem = damaged(self.path, rows)
        problem.newest_good_backup = self.backups.newest_good() if self.backups else None
        return problem

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _new_database(engine: Engine, name: str) -> None:
    """Create every table at the head revision and mark the file as a workspace."""
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            mark_as_workspace(conn.connection.driver_connection)
        Base.metadata.create_all(conn)
        conn.execute(text("CREATE TABLE IF NOT EXISTS alembic_version "
                          "(version_num VARCHAR(32) NOT NULL, "
                          "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": HEAD})
        conn.execute(insert(WorkspaceInfo).values(id=uuid.uuid4(), name=name,
                                                  created_with=f"ClusterDesk {__version__}",
                                                  last_change_at=datetime.now(UTC)))
    if engine.dialect.name == "sqlite":
        # Put the header (with its application id) into the main file at once, so the file
        # is recognised even if the program dies before SQLite's own checkpoint.
        with engine.connect() as conn:
            conn.connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def create_workspace(location: str | Path, name: str, *, backup_root: Path | None = None) -> Workspace:
    """Create a new, empty workspace file (or initialise an empty server database)."""
    if isinstance(location, str) and is_server_url(location):
        engine = make_engine(location)
        if WORKSPACE_TABLE in inspect(engine).get_table_names():
            engine.dispose()
            raise WorkspaceError("That database already holds a ClusterDesk workspace.")
        _new_database(engine, name)
        return Workspace(location, engine, name)
    path = Path(location)
    if path.exists():
        raise WorkspaceError(f"{path} already exists; choose another name.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"The folder {path.parent} cannot be created "
                             f"({exc.strerror or exc}).") from exc
    problem = writable_problem(path)
    if problem is not None:
        raise WorkspaceError(f"{path.name} cannot be created there: {problem}.")
    lock = WorkspaceLock(path)
    lock.acquire()
    try:
        engine = make_engine(path)
        _new_database(engine, name)
    except Exception:
        lock.release()
        path.unlink(missing_ok=True)
        raise
    backups = BackupStore(path, backup_root) if backup_root else None
    return Workspace(str(path), engine, name, path=path, lock=lock, backups=backups)


def open_workspace(
    location: str | Path,
    *,
    backup_root: Path | None = None,
    read_only: bool = False,
    break_lock: bool = False,
    person: str = "",
) -> Workspace:
    """Open a workspace for use, upgrading its schema safely when needed. `person` is who
    the lock names to anyone else trying to open it (the name used in ClusterDesk).

    Raises StoreError subclasses (WorkspaceError, LockHeld, …); in every refusal the file
    is untouched.
    """
    if isinstance(location, str) and is_server_url(location):
        return _open_server(location)
    path = Path(location).expanduser()
    backups = BackupStore(path, backup_root) if backup_root else None
    full_check = not path.exists() or path.stat().st_size <= QUICK_CHECK_INLINE_LIMIT
    try:
        info = inspect_file(path, full_check=full_check)
    except DamagedWorkspace as exc:
        exc.newest_good_backup = backups.newest_good() if backups else None
        raise
    needs_upgrade = check_revision(info.revision, path.name)
    if read_only:
        if needs_upgrade:
            raise WorkspaceError(f"{path.name} needs an upgrade and cannot be opened read-only.")
        return Workspace(str(path), make_engine(path, read_only=True), info.name, path=path,
                         read_only=True, read_only_reason="opened read-only", backups=backups,
                         check_pending=not full_check)
    problem = writable_problem(path)
    if problem is not None and needs_upgrade:
        raise WorkspaceError(f"{path.name} was saved by an older ClusterDesk and must be upgraded "
                             f"before it can be opened, but {problem}. Copy it to a folder you "
                             "can write to and open the copy.")
    if problem is not None:
        raise ReadOnlyLocation(f"{path.name} cannot be opened for editing: {problem}. "
                               "Open it read-only to look at it, or copy it to a folder you can "
                               "write to.")
    lock = WorkspaceLock(path, person)
    lock.acquire(break_lock=break_lock)
    upgrade_backup = None
    try:
        if needs_upgrade:
            if backups is None:
                raise WorkspaceError("A schema upgrade needs a backup folder.")
            from .migrate import upgrade_sqlite_file

            upgrade_backup = upgrade_sqlite_file(path, backups)
        engine = make_engine(path)
    except BaseException:
        lock.release()
        raise
    return Workspace(str(path), engine, info.name, path=path, lock=lock, backups=backups,
                     check_pending=not full_check,
                     upgraded_from=info.revision if needs_upgrade else None,
                     upgrade_backup=upgrade_backup)


def _open_server(url: str) -> Workspace:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            if not {WORKSPACE_TABLE, "alembic_version"} <= set(inspect(conn).get_table_names()):
                raise NotAWorkspace("That database does not hold a ClusterDesk workspace.")
            from .migrate import current_revision

            revision = current_revision(conn)
            name = conn.execute(select(WorkspaceInfo.name)).scalar() or "Shared workspace"
        if check_revision(revision, "The shared database"):
            from .migrate import upgrade_connection

            with engine.begin() as conn:
                upgrade_connection(conn)
    except BaseException:
        engine.dispose()
        raise
    return Workspace(url, engine, name)
