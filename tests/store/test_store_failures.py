"""Failures of the database underneath become store errors with a sentence for the user,
translated once in the engine set-up; read-only places open read-only; backups name the
workspace, not their temporary file, and clean up after a killed backup (QA findings)."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from clusterdesk.services import members
from clusterdesk.store import db
from clusterdesk.store.backup import PARTIAL, STALE_PARTIAL_SECONDS, BackupError, BackupStore
from clusterdesk.store.errors import (
    DatabaseBusy,
    NotWritable,
    ReadOnlyLocation,
    StorageFailed,
    StorageFull,
    StoreError,
)
from clusterdesk.store.workspace import create_workspace, open_workspace


def test_a_write_while_another_program_holds_the_file_is_a_store_error(ctx, monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    ctx.workspace.engine.dispose()  # new connections take the short timeout
    other = sqlite3.connect(ctx.workspace.path, isolation_level=None, timeout=0.05)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy) as refused:
            members.create_member(ctx, members.MemberInput(name="Fjord Pumps ApS"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    message = str(refused.value)
    assert "locked by another program" in message and "Nothing was saved" in message
    assert "INSERT" not in message and "sqlite3" not in message
    members.create_member(ctx, members.MemberInput(name="Fjord Pumps ApS"))  # works again


def test_a_full_disk_is_a_store_error(tmp_path):
    path = tmp_path / "full.clusterdesk"
    create_workspace(path, "Full").close()
    engine = db.sqlite_engine(path, pooled=False)
    try:
        with engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 1}")
            conn.execute(text("CREATE TEMP TABLE t (x)"))  # temp tables live elsewhere
            with pytest.raises(StorageFull) as refused:
                conn.execute(text("CREATE TABLE filler (blob)"))
                conn.execute(text("INSERT INTO filler VALUES (zeroblob(1000000))"))
            conn.rollback()
    finally:
        engine.dispose()
    assert "full.clusterdesk" in str(refused.value) and "is full" in str(refused.value)


@pytest.mark.parametrize("message,code,kind", [
    ("attempt to write a readonly database", 8, NotWritable),
    ("disk I/O error", 10, StorageFailed),
    ("database is locked", 5, DatabaseBusy),
])
def test_sqlite_failures_are_translated_by_code_and_by_message(message, code, kind):
    with_code = sqlite3.OperationalError(message)
    with_code.sqlite_errorcode = code
    for exc in (with_code, sqlite3.OperationalError(message)):
        error = db.sqlite_error(exc, "work.clusterdesk")
        assert isinstance(error, kind) and isinstance(error, StoreError)
        assert "work.clusterdesk" in str(error)
    assert db.sqlite_error(sqlite3.OperationalError("no such column: x"), "w") is None  # a bug


def test_server_errors_never_show_the_password():
    exc = Exception('connection failed: FATAL:  password authentication failed for user "u" '
                    "(password s3cret)")
    error = db.server_error(exc, "postgresql+psycopg://u:s3cret@db.example.org/cluster",
                            connecting=True)
    assert "s3cret" not in str(error) and "db.example.org" in str(error)
    assert "“cluster”" in str(error)


def test_a_workspace_in_a_read_only_place_opens_read_only(tmp_path, backup_root, monkeypatch):
    path = tmp_path / "shared.clusterdesk"
    ws = create_workspace(path, "Shared")
    from clusterdesk.services.context import ServiceContext

    members.create_member(ServiceContext(ws, "T"), members.MemberInput(name="Read Me ApS"))
    ws.close()
    monkeypatch.setattr(db, "can_write", lambda _path: False)  # as on a read-only disk
    with pytest.raises(ReadOnlyLocation) as refused:
        open_workspace(path, backup_root=backup_root)
    assert "read-only" in str(refused.value) and "Open it read-only" in str(refused.value)
    opened = []
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda where, *a, **k: opened.append(where)
                        or real_connect(where, *a, **k))
    ws = open_workspace(path, backup_root=backup_root, read_only=True)
    try:
        with ws.engine.connect() as conn:
            assert conn.execute(text("select name from members")).scalar() == "Read Me ApS"
    finally:
        ws.close()
    # Nobody can write there: SQLite skips the locks and shared memory it could not create.
    assert opened and all(str(where).endswith("?mode=ro&immutable=1") for where in opened)
    assert not Path(str(path) + "-wal").exists() and not Path(str(path) + ".lock").exists()


def damage(path: Path) -> None:
    conn = sqlite3.connect(path)
    page_size = conn.execute("pragma page_size").fetchone()[0]
    root = conn.execute("select rootpage from sqlite_master where name='members'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start + 8:start + 40] = b"\xff" * 32
    path.write_bytes(bytes(data))


def test_a_failed_backup_names_the_workspace_not_its_temporary_file(ctx, tmp_path):
    for i in range(50):
        members.create_member(ctx, members.MemberInput(name=f"Member {i} ApS"))
    path = ctx.workspace.path
    ctx.workspace.close()
    damage(path)
    store = BackupStore(path, tmp_path / "bk")
    with pytest.raises(BackupError) as refused:
        store.take("before-import")
    message = str(refused.value)
    assert PARTIAL not in message and "before-import.clusterdesk" not in message
    assert message.startswith(f"The backup of {path.name} (before import) was not written: {path.name}")
    assert not any(store.directory.iterdir())


def test_the_next_backup_removes_what_a_killed_backup_left(ctx, tmp_path):
    store = BackupStore(ctx.workspace.path, tmp_path / "bk")
    store.directory.mkdir(parents=True)
    stale = store.directory / f"20261101-100000-000000_daily.clusterdesk{PARTIAL}"
    fresh = store.directory / f"20261127-092900-000000_manual.clusterdesk{PARTIAL}"
    for leftover in (stale, Path(str(stale) + "-journal"), fresh):
        leftover.write_bytes(b"x" * 1000)
    old = time.time() - STALE_PARTIAL_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(Path(str(stale) + "-journal"), (old, old))
    info = store.take("manual")
    assert not stale.exists() and not Path(str(stale) + "-journal").exists()
    assert fresh.exists()  # another ClusterDesk may be writing it right now
    assert [b.path for b in store.list()] == [info.path]
