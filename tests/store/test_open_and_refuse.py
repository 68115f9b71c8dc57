"""DESIGN §4.3, §4.6: one writer per file; foreign, damaged and newer files are refused and
left byte-identical."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from clusterdesk.store.lock import LockHeld, WorkspaceLock, lock_path_for
from clusterdesk.store.workspace import (
    DamagedWorkspace,
    NewerSchema,
    NotAWorkspace,
    WorkspaceError,
    create_workspace,
    open_workspace,
)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_garbage_file_refused_and_untouched(tmp_path, backup_root):
    path = tmp_path / "notes.clusterdesk"
    path.write_bytes(b"This is my shopping list, not a database.\n" * 20)
    before = digest(path)
    with pytest.raises(NotAWorkspace, match="not a ClusterDesk workspace"):
        open_workspace(path, backup_root=backup_root)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.clusterdesk"]


def test_empty_file_refused(tmp_path, backup_root):
    path = tmp_path / "empty.clusterdesk"
    path.write_bytes(b"")
    with pytest.raises(NotAWorkspace):
        open_workspace(path, backup_root=backup_root)
    assert path.read_bytes() == b""


def test_other_sqlite_database_refused(tmp_path, backup_root):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAWorkspace, match="database, but not a ClusterDesk workspace"):
        open_workspace(path, backup_root=backup_root)
    assert digest(path) == before


def test_truncated_workspace_refused_untouched_and_backup_offered(demo_ctx, tmp_path, backup_root):
    ws = demo_ctx.workspace
    good = ws.backups.take("manual")
    path = ws.path
    ws.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = digest(path)
    with pytest.raises(DamagedWorkspace) as refused:
        open_workspace(path, backup_root=tmp_path / "b")
    assert digest(path) == before
    assert refused.value.newest_good_backup is not None
    assert refused.value.newest_good_backup.path == good.path
    assert not lock_path_for(path).exists()


def test_missing_file_named(tmp_path, backup_root):
    with pytest.raises(WorkspaceError, match="no file"):
        open_workspace(tmp_path / "nope.clusterdesk", backup_root=backup_root)


def test_newer_schema_refused_untouched(tmp_path, backup_root):
    path = tmp_path / "future.clusterdesk"
    create_workspace(path, "Future").close()
    conn = sqlite3.connect(path)
    conn.execute("update alembic_version set version_num='9999_from_the_future'")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchema, match="newer version of ClusterDesk"):
        open_workspace(path, backup_root=backup_root)
    assert digest(path) == before


def test_second_writer_refused_with_holder_named(workspace, backup_root):
    with pytest.raises(LockHeld) as held:
        open_workspace(workspace.path, backup_root=backup_root)
    message = str(held.value)
    holder = held.value.holder
    assert holder.host and holder.user in message and holder.host in message
    assert "since" in message
    assert held.value.breakable is False


def test_second_program_may_open_read_only(workspace, backup_root, ctx):
    from clusterdesk.services import members
    from clusterdesk.store.errors import ReadOnlyWorkspace

    members.create_member(ctx, members.MemberInput(name="Vestkyst Pumper A/S"))
    reader = open_workspace(workspace.path, backup_root=backup_root, read_only=True)
    try:
        from clusterdesk.services.context import ServiceContext

        rctx = ServiceContext(reader, "Reader")
        assert members.count_members(rctx) == 1
        with pytest.raises(ReadOnlyWorkspace, match="read-only"):
            members.create_member(rctx, members.MemberInput(name="Should not be saved"))
    finally:
        reader.close()
    assert members.count_members(ctx) == 1


def test_lock_released_on_close(tmp_path, backup_root):
    path = tmp_path / "w.clusterdesk"
    create_workspace(path, "W", backup_root=backup_root).close()
    assert not lock_path_for(path).exists()
    open_workspace(path, backup_root=backup_root).close()
    open_workspace(path, backup_root=backup_root).close()


def test_lock_left_by_crash_on_this_computer_is_taken_over(tmp_path, backup_root):
    """A killed process holds no OS lock any more; its lock file alone blocks nobody."""
    path = tmp_path / "w.clusterdesk"
    create_workspace(path, "W", backup_root=backup_root).close()
    import getpass
    import socket

    lock_path_for(path).write_text(json.dumps({
        "host": socket.gethostname(), "user": getpass.getuser(), "pid": 999999,
        "since": "2026-11-01T08:00:00+00:00"}))
    open_workspace(path, backup_root=backup_root).close()


def test_lock_from_other_computer_only_broken_on_purpose(tmp_path, backup_root):
    path = tmp_path / "shared.clusterdesk"
    create_workspace(path, "Shared", backup_root=backup_root).close()
    lock_path_for(path).write_text(json.dumps({
        "host": "laptop-of-karen", "user": "karen", "pid": 4242,
        "since": "2026-11-27T08:15:00+00:00"}))
    with pytest.raises(LockHeld) as held:
        open_workspace(path, backup_root=backup_root)
    assert held.value.breakable
    assert "karen on laptop-of-karen" in str(held.value)
    ws = open_workspace(path, backup_root=backup_root, break_lock=True)
    ws.close()


def test_os_lock_blocks_even_without_lock_file_content(tmp_path):
    path = tmp_path / "x.clusterdesk"
    first = WorkspaceLock(path)
    first.acquire()
    try:
        with pytest.raises(LockHeld):
            WorkspaceLock(path).acquire(break_lock=True)  # a live holder cannot be broken
    finally:
        first.release()


def test_large_file_is_checked_after_opening(tmp_path, backup_root, monkeypatch):
    from clusterdesk.store import workspace as ws_module

    path = tmp_path / "big.clusterdesk"
    create_workspace(path, "Big").close()
    monkeypatch.setattr(ws_module, "QUICK_CHECK_INLINE_LIMIT", 1)
    ws = open_workspace(path, backup_root=backup_root)
    try:
        assert ws.check_pending
        assert ws.deferred_check() is None
        assert not ws.check_pending
    finally:
        ws.close()
