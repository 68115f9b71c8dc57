"""Schema upgrades with the safe sequence of DESIGN §4.5.

SQLite: verified backup → copy → on the copy, foreign keys off (outside the transaction:
a batch table rebuild with them on cascades deletes into child tables), every step in one
transaction, foreign_key_check and integrity_check → swap the copy into place. The original
file is never written until the upgraded copy has passed every check, so a failed or
interrupted migration leaves it byte-identical.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection, text

from .backup import BackupInfo, BackupStore, copy_database, fsync_dir
from .db import connect_sqlite, remove_database_file, sqlite_engine
from .errors import StoreError

SCRIPT_LOCATION = Path(__file__).parent / "alembic"


class MigrationError(StoreError):
    pass


def alembic_config(connection: Connection, script_location: Path = SCRIPT_LOCATION):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.attributes["connection"] = connection
    return config


def script_revisions(script_location: Path = SCRIPT_LOCATION) -> list[str]:
    """All revisions of the migration scripts, oldest first."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(script_location))
    scripts = ScriptDirectory.from_config(config)
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]


def upgrade_connection(connection: Connection, target: str = "head",
                       script_location: Path = SCRIPT_LOCATION) -> None:
    """Run the migrations on a connection inside the caller's transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection, script_location), target)


def check_consistency(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if dangling:
        tables = sorted({row[0] for row in dangling})
        raise MigrationError(f"rows point at missing rows in: {', '.join(tables)}")
    result = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
    if result != "ok":
        raise MigrationError(f"integrity check failed: {result}")


def upgrade_sqlite_file(path: Path, backups: BackupStore, *, target: str = "head",
                        script_location: Path = SCRIPT_LOCATION) -> BackupInfo:
    """Upgrade a workspace file in place of a verified copy; returns the backup taken first."""
    backup = backups.take("before-migration")
    work = path.with_name(path.name + ".migrating")
    remove_database_file(work)
    copy_database(backup.path, work)
    engine = sqlite_engine(work, pooled=False, label=path.name)
    try:
        with engine.connect() as conn:
            # On the driver connection, outside any transaction: inside one SQLite ignores it.
            raw = conn.connection.driver_connection
            raw.execute("PRAGMA foreign_keys = OFF")
            if raw.execute("PRAGMA foreign_keys").fetchone()[0] != 0:
                raise MigrationError("foreign keys could not be turned off for the upgrade")
            try:
                with conn.begin():
                    upgrade_connection(conn, target, script_location)
                    check_consistency(conn)
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
    except Exception as exc:
        engine.dispose()
        remove_database_file(work)
        raise MigrationError(
            f"{path.name} could not be upgraded ({exc}). It was left exactly as it was; "
            f"a backup is at {backup.path}."
        ) from exc
    engine.dispose()
    # Bring everything from the original's WAL into its main file first, so that no stale
    # WAL can ever be replayed onto the upgraded file.
    original = connect_sqlite(path)
    try:
        original.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        original.close()
    with open(work, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(work, path)
    fsync_dir(path.parent)
    return backup


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy.exc import DBAPIError

    try:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # no table means no revision (the store's own errors still say theirs)
        return None
