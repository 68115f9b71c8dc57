"""DESIGN §4.5: schema changes only through Alembic, with the safe sequence, tested on real
files: stored fixtures of every released schema, a batch rebuild that must not cascade, and a
failing migration that must leave the original byte-identical."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from clusterdesk.store.backup import BackupStore
from clusterdesk.store.migrate import (
    SCRIPT_LOCATION,
    MigrationError,
    script_revisions,
    upgrade_connection,
    upgrade_sqlite_file,
)
from clusterdesk.store.schema import HEAD, REVISIONS
from clusterdesk.store.workspace import create_workspace, inspect_file, open_workspace

FIXTURES = Path(__file__).parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("members", "contacts", "interactions", "consent_records", "member_tags")}
    finally:
        conn.close()


def test_known_revisions_match_the_scripts():
    assert list(REVISIONS) == script_revisions()


def test_migrations_build_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from clusterdesk.store.base import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.begin() as conn:
        upgrade_connection(conn)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.clusterdesk")), ids=lambda p: p.stem)
def test_every_released_schema_opens_and_upgrades(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    before = counts(path)
    assert before["members"] > 0 and before["interactions"] > 0
    ws = open_workspace(path, backup_root=tmp_path / "backups")
    try:
        assert inspect_file(path).revision == HEAD
        assert counts(path) == before  # nothing lost, nothing cascaded away
        from clusterdesk.services import members
        from clusterdesk.services.context import ServiceContext

        ctx = ServiceContext(ws, "Tester")
        members.create_member(ctx, members.MemberInput(name="Written after the upgrade ApS"))
    finally:
        ws.close()
    conn = sqlite3.connect(path)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    conn.close()


# --- the mechanism, on a scratch migration history ---------------------------------------

REBUILD_PARENT = '''
"""rebuild members (as a real column type change would)"""
import sqlalchemy as sa
from alembic import op

revision = "9001_rebuild_members"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("members", recreate="always") as batch:
        batch.add_column(sa.Column("scratch_note", sa.Text(), nullable=False, server_default=""))
    {extra}


def downgrade():
    pass
'''


def scratch_history(tmp_path: Path, extra: str = "") -> Path:
    scripts = tmp_path / "alembic"
    shutil.copytree(SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_rebuild_members.py").write_text(
        REBUILD_PARENT.format(head=HEAD, extra=extra or "pass"))
    return scripts


@pytest.fixture
def populated(tmp_path):
    path = tmp_path / "user.clusterdesk"
    shutil.copy(sorted(FIXTURES.glob("schema_*.clusterdesk"))[-1], path)
    # Brought to head with its own backup folder: the tests count the backups they cause.
    open_workspace(path, backup_root=tmp_path / "setup-backups").close()
    return path


def test_batch_rebuild_of_a_parent_keeps_every_child_row(populated, tmp_path):
    before = counts(populated)
    backups = BackupStore(populated, tmp_path / "backups")
    backup = upgrade_sqlite_file(populated, backups, script_location=scratch_history(tmp_path))
    assert counts(populated) == before
    assert backup.reason == "before-migration" and backup.path.exists()
    conn = sqlite3.connect(populated)
    assert conn.execute("select version_num from alembic_version").fetchone()[0] == "9001_rebuild_members"
    assert "scratch_note" in [r[1] for r in conn.execute("pragma table_info(members)")]
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    conn.close()
    assert not list(tmp_path.glob("*.migrating*"))


def test_the_same_rebuild_with_foreign_keys_on_would_lose_children(populated, tmp_path):
    """Why the sequence matters: with foreign keys on, SQLite cascades the dropped parent."""
    engine = create_engine(f"sqlite:///{populated}")
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")
        with conn.begin():
            upgrade_connection(conn, script_location=scratch_history(tmp_path))
    engine.dispose()
    assert counts(populated)["contacts"] == 0


def test_failed_migration_leaves_the_file_byte_identical(populated, tmp_path):
    scripts = scratch_history(tmp_path, extra='op.execute("UPDATE contacts SET name = \'x\'")\n'
                                           '    raise RuntimeError("disk full halfway")')
    before = digest(populated)
    backups = BackupStore(populated, tmp_path / "backups")
    earlier = {b.path for b in backups.list()}  # e.g. from upgrading the fixture to head
    with pytest.raises(MigrationError, match="disk full halfway.*left exactly as it was"):
        upgrade_sqlite_file(populated, backups, script_location=scripts)
    assert digest(populated) == before
    assert not list(tmp_path.glob("*.migrating*"))
    assert [b.reason for b in backups.list() if b.path not in earlier] == ["before-migration"]


def test_new_workspace_is_created_at_head(tmp_path):
    path = tmp_path / "new.clusterdesk"
    create_workspace(path, "New").close()
    assert inspect_file(path).revision == HEAD


def test_the_search_migration_indexes_existing_rows(tmp_path):
    """0009_search: members' search text gains the spellings without æ, ø, å ("gudena" finds
    Gudenå Sensor), contacts become searchable, and the new sort columns are filled."""
    path = tmp_path / "old.clusterdesk"
    shutil.copy(FIXTURES / "schema_0001_initial.clusterdesk", path)
    open_workspace(path, backup_root=tmp_path / "backups").close()
    conn = sqlite3.connect(path)
    try:
        text, sectors, tags, last = conn.execute(
            "select search_text, sector_sort, tag_sort, last_contact_on from members "
            "where name = 'Gudenå Sensor ApS'").fetchone()
        assert "gudenaa" in text and "gudena" in text.split()
        assert sectors == "digital water" and tags == "digital"
        assert last == conn.execute(
            "select max(i.occurred_on) from interactions i join members m on m.id = i.member_id "
            "where m.name = 'Gudenå Sensor ApS' and i.deleted_at is null").fetchone()[0]
        assert conn.execute("select count(*) from members where last_contact_on is null").fetchone()[0] < 12
        words = conn.execute("select search_text from contacts where name = 'Niels Søgaard'"
                             ).fetchone()[0].split()
        assert {"niels", "soegaard", "sogaard", "niels.soegaard@fjordbyforsyning.dk"} <= set(words)
        assert conn.execute("select count(*) from contacts where search_text = ''").fetchone()[0] == 0
    finally:
        conn.close()
