"""Engine set-up. The only place that knows it is talking to SQLite: WAL, synchronous=FULL,
foreign keys on, real transactions. Everything else works unchanged on PostgreSQL.

It is also the one place where a database driver's failures become store errors with a
sentence for the user (`translate_error`, installed on every engine as SQLAlchemy's
`handle_error` event): a file locked by another program, a disk that is full or gone, a
server that does not answer. Nothing above the store ever sees a driver's exception.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

from .errors import (
    DamagedWorkspace,
    DatabaseBusy,
    NotWritable,
    ServerUnreachable,
    StorageFailed,
    StorageFull,
    StoreError,
    WorkspaceError,
)

# PRAGMA application_id of every ClusterDesk workspace file ("CLDK").
APPLICATION_ID = 0x434C444B
SQLITE_HEADER = b"SQLite format 3\x00"
WORKSPACE_SUFFIX = ".clusterdesk"
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
# How long a statement waits for another program's lock before it gives up.
BUSY_TIMEOUT_MS = 5000


def is_server_url(location: str) -> bool:
    return "://" in location and not location.startswith("sqlite")


def describe_server(url: str) -> str:
    """'the server db.example.org:5432, database “cluster”' — never the password."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - an address we cannot even parse
        return "the database server"
    host = parsed.host or "this computer"
    where = f"{host}:{parsed.port}" if parsed.port else host
    return f"the server {where}, database “{parsed.database or ''}”"


def sidecar_files(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database: its WAL, shared memory and rollback journal."""
    return [Path(str(path) + suffix) for suffix in SIDECAR_SUFFIXES]


def remove_database_file(path: Path) -> None:
    """Delete a database file together with its WAL and shared memory files: a stale WAL
    left beside a new file with the same name would be replayed onto it."""
    for file in (path, *sidecar_files(path)):
        file.unlink(missing_ok=True)


def header_problem(path: Path) -> str | None:
    """What the first bytes of a file say against it being a workspace (as a predicate:
    "is not a ClusterDesk workspace …"), or None when they look right."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        return "does not exist"
    except IsADirectoryError:
        return "is a folder, not a ClusterDesk workspace"
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return "is not a ClusterDesk workspace (it is not a database file)"
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return "is a database, but not a ClusterDesk workspace"
    return None


def check_summary(rows: list[str]) -> str:
    """SQLite's check output (a line per problem, possibly hundreds) as one short clause."""
    # SQLite heads its report with "*** in database main ***", which says nothing to a user.
    lines = [line.strip() for row in rows for line in str(row).splitlines()
             if line.strip() and not line.startswith("*** in database")]
    if not lines:
        return "no answer"
    more = len(lines) - 1
    return lines[0] + (f" and {more} more problem{'s' if more > 1 else ''}" if more else "")


def can_write(path: Path) -> bool:
    return os.access(path, os.W_OK)


def writable_problem(path: Path) -> str | None:
    """Why a workspace file cannot be opened for editing here, or None when it can."""
    folder = path.parent if str(path.parent) else Path(".")
    if not can_write(folder):
        return f"the folder {folder} is read-only"
    if path.exists() and not can_write(path):
        return f"the file {path.name} is read-only"
    return None


def _read_only_uri(path: Path) -> str:
    uri = path.absolute().as_uri() + "?mode=ro"
    folder = path.absolute().parent
    wal = Path(str(path) + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if not can_write(folder) and not has_wal:
        # Nobody can write this folder (a read-only disk, a read-only share), so nobody can
        # change the file: SQLite may skip the locks and shared memory it cannot create here.
        uri += "&immutable=1"
    return uri


def connect_sqlite(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A raw sqlite3 connection; read-only ones use mode=ro so the file is never written."""
    timeout = BUSY_TIMEOUT_MS / 1000
    if read_only:
        conn = sqlite3.connect(_read_only_uri(Path(path)), uri=True, timeout=timeout,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
    conn.isolation_level = None  # the driver must not open transactions behind our back
    return conn


def _configure_sqlite(dbapi_conn: sqlite3.Connection, read_only: bool, bulk: bool) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    if bulk:
        # Only for filling a brand-new file that is thrown away if anything fails.
        cur.execute("PRAGMA journal_mode = OFF")
        cur.execute("PRAGMA synchronous = OFF")
        cur.execute("PRAGMA cache_size = -500000")  # 500 MB: random UUID keys thrash a small cache
    elif not read_only:
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise WorkspaceError(f"SQLite refused WAL mode for the workspace (got {mode}); "
                                 "is the file on a network share? Keep it on this computer's disk.")
        cur.execute("PRAGMA synchronous = FULL")
    cur.close()


# --- driver failures → store errors ---------------------------------------------------------

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

_SQLITE_MESSAGES = (  # for errors that carry no code
    ("database is locked", SQLITE_BUSY), ("database table is locked", SQLITE_LOCKED),
    ("readonly database", SQLITE_READONLY), ("disk is full", SQLITE_FULL),
    ("disk i/o error", SQLITE_IOERR), ("malformed", SQLITE_CORRUPT),
    ("not a database", SQLITE_NOTADB), ("unable to open database", SQLITE_CANTOPEN),
)


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    return next((c for needle, c in _SQLITE_MESSAGES if needle in text), None)


def sqlite_error(exc: BaseException, where: str, *, writing: bool = True) -> StoreError | None:
    """The store error for a failure of SQLite on the file `where` names; None for errors
    that are not about the file, the disk or another program (those are bugs)."""
    if not isinstance(exc, sqlite3.Error):
        return None
    code = _sqlite_code(exc)
    unsaved = " Nothing was saved." if writing else ""
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusy(f"{where} is locked by another program that is changing it (for "
                            f"example a database tool with a transaction open).{unsaved} Try "
                            "again when that program has finished.")
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return NotWritable(f"{where} cannot be written: the file or its folder is read-only.{unsaved} "
                           "Make it writable again, or open it read-only.")
    if code == SQLITE_FULL:
        return StorageFull(f"The disk holding {where} is full.{unsaved} Free some space and try again.")
    if code == SQLITE_IOERR:
        return StorageFailed(f"The disk reported an error while using {where} (disk I/O error)."
                             f"{unsaved} Check that the disk or USB stick is still connected, then "
                             "open the workspace again.")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DamagedWorkspace(f"{where} is damaged ({exc}).{unsaved} Restore it from a backup "
                                "(File ▸ Restore from backup, or `clusterdesk restore`).")
    if code == SQLITE_CANTOPEN:
        return WorkspaceError(f"{where} cannot be opened: the file or its folder cannot be read "
                              "or written here (was it moved, or its disk removed?).")
    return None


def _server_reason(exc: BaseException, password: str | None) -> str:
    """The driver's own reason, shortened to its point and without the password."""
    text = " ".join(str(exc).split("\n")[0].split())
    for prefix in ("connection failed:",):
        if text.startswith(prefix):
            text = text[len(prefix):].strip()
    if " failed: " in text:
        text = text.rsplit(" failed: ", 1)[1]
    for prefix in ("FATAL:", "ERROR:"):
        if text.startswith(prefix):
            text = text[len(prefix):].strip()
    if password:
        text = text.replace(password, "***")
    text = text.rstrip(".") or type(exc).__name__
    return text[:1].lower() + text[1:]


def server_error(exc: BaseException, url: str, *, writing: bool = True,
                 connecting: bool = False, disconnected: bool = False) -> StoreError | None:
    """The store error for a failure of the database server (PostgreSQL SQLSTATE classes)."""
    from sqlalchemy.engine import make_url

    try:
        password = make_url(url).password
    except Exception:  # noqa: BLE001
        password = None
    desc = describe_server(url)
    reason = _server_reason(exc, str(password) if password else None)
    state = str(getattr(exc, "sqlstate", None) or getattr(getattr(exc, "diag", None), "sqlstate", "") or "")
    unsaved = " Nothing was saved." if writing else ""
    if connecting or state.startswith("08") or state.startswith("28") or state == "3D000":
        return ServerUnreachable(f"Cannot connect to {desc}: {reason}. Check that the server is "
                                 "running and that the address, user and database are right.")
    if disconnected or state.startswith("57P"):
        return ServerUnreachable(f"The connection to {desc} was lost ({reason}).{unsaved} Check "
                                 "the network and try again.")
    if state in ("40001", "40P01", "55P03", "57014"):
        return DatabaseBusy(f"{desc[:1].upper()}{desc[1:]} is busy: someone else is changing the "
                            f"same records ({reason}).{unsaved} Try again in a moment.")
    if state in ("42501", "25006"):
        return NotWritable(f"{desc[:1].upper()}{desc[1:]} does not let this user make changes "
                           f"({reason}).{unsaved} Ask its administrator.")
    if state == "53100":
        return StorageFull(f"The disk of {desc} is full.{unsaved} Ask its administrator.")
    if state.startswith("53") or state.startswith("58"):
        return StorageFailed(f"{desc[:1].upper()}{desc[1:]} reported a problem ({reason})."
                             f"{unsaved} Ask its administrator.")
    return None


def _is_read(statement: str | None) -> bool:
    head = (statement or "").lstrip()[:7].upper()
    return head.startswith(("SELECT", "PRAGMA", "WITH"))


def install_error_translation(engine: Engine, *, where: str = "", url: str = "") -> None:
    """Raise store errors instead of the driver's for everything the engine runs."""

    @event.listens_for(engine, "handle_error")
    def _translate(context) -> None:
        if context.is_pre_ping:
            return  # the pool is testing a connection; it reconnects by itself
        writing = not _is_read(context.statement)
        if url:
            error = server_error(context.original_exception, url, writing=writing,
                                 connecting=context.connection is None,
                                 disconnected=context.is_disconnect)
        else:
            error = sqlite_error(context.original_exception, where, writing=writing)
        if error is not None:
            raise error from context.original_exception


# --- engines --------------------------------------------------------------------------------


def sqlite_engine(path: Path, *, read_only: bool = False, pooled: bool = True,
                  bulk: bool = False, label: str = "") -> Engine:
    """Engine on a workspace file with the safety pragmas on every connection; `label`
    names the file in messages when it is a temporary copy of a workspace."""
    pool_args = {"poolclass": QueuePool, "pool_size": 2, "max_overflow": 4} if pooled else {
        "poolclass": NullPool}
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: connect_sqlite(path, read_only=read_only),
        **pool_args,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        _configure_sqlite(dbapi_conn, read_only, bulk)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")

    install_error_translation(engine, where=label or Path(path).name)
    return engine


def server_engine(url: str) -> Engine:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as exc:
        try:
            kind = make_url(url).get_backend_name()
        except Exception:  # noqa: BLE001
            kind = url.split("://", 1)[0]
        needs_driver = kind == "postgresql" and isinstance(exc, ImportError)
        raise WorkspaceError(
            "The PostgreSQL driver is not installed (pip install psycopg[binary])." if needs_driver
            else f"ClusterDesk cannot use a “{kind}” database: give a workspace file or a "
                 "PostgreSQL server as postgresql+psycopg://user@host/database."
        ) from None
    install_error_translation(engine, url=url)
    return engine


def make_engine(location: str | Path, *, read_only: bool = False) -> Engine:
    if isinstance(location, str) and is_server_url(location):
        return server_engine(location)
    return sqlite_engine(Path(location), read_only=read_only)


def mark_as_workspace(dbapi_conn: sqlite3.Connection) -> None:
    dbapi_conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
