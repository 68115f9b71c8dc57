"""Migration 0008 (evaluations) on a workspace full of answers: the batch rebuild of
answer_sets for its new activity column keeps every answer (which cascade from it) and every
campaign target that points at one."""

from __future__ import annotations

import shutil
import sqlite3

from sqlalchemy import create_engine

from clusterdesk.store.migrate import alembic_config
from clusterdesk.store.schema import HEAD, REVISIONS
from clusterdesk.store.workspace import inspect_file, open_workspace
from tests.conftest import FIXED_NOW

COUNTED = ("answer_sets", "answers", "campaign_targets", "questionnaires", "members", "activities")


def counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in COUNTED}
    finally:
        conn.close()


BEFORE_EVALUATIONS = REVISIONS[REVISIONS.index("0008_evaluations") - 1]


def test_answers_survive_the_upgrade_to_evaluations(tmp_path):
    from alembic import command

    from clusterdesk.demo.showcase import build_demo

    demo = tmp_path / "demo.clusterdesk"
    build_demo(demo, today=FIXED_NOW.date()).close()
    old = tmp_path / "before-evaluations.clusterdesk"
    shutil.copy(demo, old)
    engine = create_engine(f"sqlite:///{old}")
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # as migrate.py does
        with conn.begin():
            command.downgrade(alembic_config(conn), BEFORE_EVALUATIONS)
    engine.dispose()
    assert inspect_file(old).revision == BEFORE_EVALUATIONS
    before = counts(old)
    assert before["answers"] > 100 and before["campaign_targets"] > 0
    ws = open_workspace(old, backup_root=tmp_path / "backups")  # upgrades, with a backup first
    ws.close()
    assert inspect_file(old).revision == HEAD
    assert counts(old) == before
    conn = sqlite3.connect(old)
    columns = [row[1] for row in conn.execute("pragma table_info(answer_sets)")]
    linked = conn.execute("select count(*) from campaign_targets where answer_set_id is not null").fetchone()[0]
    assert "activity_id" in columns and linked > 0
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert sorted(p.name for p in (tmp_path / "backups").rglob("*before-migration*"))
