"""Migration 0011 (network) on a full workspace: taken back to the schema before it and opened
again, every earlier row is kept and the Network tables come back, empty and usable."""

from __future__ import annotations

import shutil
import sqlite3

from sqlalchemy import create_engine

from clusterdesk.store.migrate import alembic_config
from clusterdesk.store.schema import HEAD, REVISIONS
from clusterdesk.store.workspace import inspect_file, open_workspace
from tests.conftest import FIXED_NOW

BEFORE_NETWORK = REVISIONS[REVISIONS.index("0011_network") - 1]
KEPT = ("members", "partners", "activities", "funding_calls", "stakeholders", "participants")
NEW = ("partnerships", "partnership_agenda_items", "cluster_services", "partner_requests",
       "partner_request_proposals", "project_ideas")


def counts(path, tables) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_the_network_tables_come_and_go_without_touching_the_rest(tmp_path):
    from alembic import command

    from clusterdesk.demo.showcase import build_demo
    from clusterdesk.services import partnerships
    from clusterdesk.services.context import ServiceContext

    demo = tmp_path / "demo.clusterdesk"
    build_demo(demo, today=FIXED_NOW.date()).close()
    assert all(n > 0 for n in counts(demo, NEW).values())
    old = tmp_path / "before-network.clusterdesk"
    shutil.copy(demo, old)
    engine = create_engine(f"sqlite:///{old}")
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # as migrate.py does
        with conn.begin():
            command.downgrade(alembic_config(conn), BEFORE_NETWORK)
    engine.dispose()
    assert inspect_file(old).revision == BEFORE_NETWORK
    before = counts(old, KEPT)
    ws = open_workspace(old, backup_root=tmp_path / "backups")  # upgrades, with a backup first
    try:
        assert inspect_file(old).revision == HEAD
        assert counts(old, KEPT) == before == counts(demo, KEPT)
        assert set(counts(old, NEW).values()) == {0}
        ctx = ServiceContext(ws, "Tester")
        partnerships.create_partnership(ctx, partnerships.PartnershipInput("Written after the upgrade"))
    finally:
        ws.close()
    conn = sqlite3.connect(old)
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.close()
