"""DESIGN §4.4: verified backups, thinning, backup on open when changed, restore."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from clusterdesk.services import members
from clusterdesk.store.backup import BackupError, verify_database_file
from clusterdesk.store.workspace import open_workspace


def test_backup_is_verified_and_complete(ctx):
    members.create_member(ctx, members.MemberInput(name="Limfjord Membran ApS"))
    info = ctx.workspace.backups.take("manual")
    verify_database_file(info.path)
    assert info.reason == "manual"
    assert not list(info.path.parent.glob("*.partial"))
    import sqlite3

    conn = sqlite3.connect(info.path)
    assert conn.execute("select name from members").fetchall() == [("Limfjord Membran ApS",)]
    conn.close()


def test_backup_on_open_only_when_data_changed(ctx, backup_root):
    ws = ctx.workspace
    first = ws.backup_if_changed()
    assert first is not None
    assert ws.backup_if_changed() is None  # nothing changed since
    members.create_member(ctx, members.MemberInput(name="Gudenå Sensor ApS"))
    assert ws.backup_if_changed() is not None
    path = ws.path
    ws.close()
    reopened = open_workspace(path, backup_root=backup_root)
    try:
        assert reopened.backup_if_changed() is None
        assert len(reopened.backups.list()) == 2
    finally:
        reopened.close()


def test_thinning_removes_old_backups(ctx):
    store = ctx.workspace.backups
    now = datetime(2026, 11, 27, tzinfo=UTC)
    for days in range(0, 90, 1):
        store.take("on-open", now=now - timedelta(days=days, hours=1))
    removed = store.thin(now=now)
    left = store.list()
    assert removed and len(left) < 25
    assert left[0].taken_at == now - timedelta(hours=1)


def test_restore_round_trip(ctx):
    ws = ctx.workspace
    members.create_member(ctx, members.MemberInput(name="Kept A/S"))
    good = ws.backups.take("manual")
    members.create_member(ctx, members.MemberInput(name="Added after the backup ApS"))
    assert members.count_members(ctx) == 2
    safety = ws.restore(good.path)
    assert members.count_members(ctx) == 1
    assert [r.name for r in members.member_page(ctx)] == ["Kept A/S"]
    # the restore itself can be undone from the safety backup
    ws.restore(safety.path)
    assert members.count_members(ctx) == 2
    members.create_member(ctx, members.MemberInput(name="Writes still work ApS"))
    assert members.count_members(ctx) == 3


def test_damaged_backup_is_not_restored(ctx, tmp_path):
    bad = tmp_path / "bad.clusterdesk"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)
    with pytest.raises(BackupError):
        ctx.workspace.restore(bad)
    members.create_member(ctx, members.MemberInput(name="Still fine A/S"))
