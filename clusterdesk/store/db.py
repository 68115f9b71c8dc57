"""Engine set-up. The only place that knows it is talking to SQLite: WAL, synchronous=FULL,
foreign keys on, real transactions. Everything else works unchanged on PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

# PRAGMA application_id of every ClusterDesk workspace file ("CLDK").
APPLICATION_ID = 0x434C444B
SQLITE_HEADER = b"SQLite format 3\x00"
WORKSPACE_SUFFIX = ".clusterdesk"


def is_server_url(location: str) -> bool:
    return "://" in location and not location.startswith("sqlite")


def connect_sqlite(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A raw sqlite3 connection; read-only ones use mode=ro so the file is never written."""
    if read_only:
        uri = Path(path).absolute().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.isolation_level = None  # the driver must not open transactions behind our back
    return conn


def _configure_sqlite(dbapi_conn: sqlite3.Connection, read_only: bool, bulk: bool) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA foreign_keys = ON")
    if bulk:
        # Only for filling a brand-new file that is thrown away if anything fails.
        cur.execute("PRAGMA journal_mode = OFF")
        cur.execute("PRAGMA synchronous = OFF")
        cur.execute("PRAGMA cache_size = -500000")  # 500 MB: random UUID keys thrash a small cache
    elif not read_only:
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise RuntimeError(f"SQLite refused WAL mode (got {mode}); is the file on a network share?")
        cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def sqlite_engine(path: Path, *, read_only: bool = False, pooled: bool = True,
                  bulk: bool = False) -> Engine:
    """Engine on a workspace file with the safety pragmas on every connection."""
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

    return engine


def server_engine(url: str) -> Engine:
    return create_engine(url, pool_pre_ping=True)


def make_engine(location: str | Path, *, read_only: bool = False) -> Engine:
    if isinstance(location, str) and is_server_url(location):
        return server_engine(location)
    return sqlite_engine(Path(location), read_only=read_only)


def mark_as_workspace(dbapi_conn: sqlite3.Connection) -> None:
    dbapi_conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
