"""Store errors that screens and the command line catch; importable without loading SQLAlchemy.

Every failure of the store a user can meet is a `StoreError` whose message is one sentence
for that user: the window shows it in a message box, the command line prints it and exits 1.
Failures of the database driver are turned into these in one place, the engine set-up
(`store/db.py`), so no caller ever sees a driver's exception or its SQL.
"""

from __future__ import annotations

from typing import Any


class StoreError(Exception):
    """A refusal or failure of the store; the message is meant for the user."""


class WorkspaceError(StoreError):
    """A workspace cannot be opened (or created, or restored)."""


class NotAWorkspace(WorkspaceError):
    pass


class DamagedWorkspace(WorkspaceError):
    def __init__(self, message: str, newest_good_backup: Any = None) -> None:
        super().__init__(message)
        self.newest_good_backup = newest_good_backup  # a BackupInfo, when one was found


class NewerSchema(WorkspaceError):
    pass


class ReadOnlyLocation(WorkspaceError):
    """The file or its folder cannot be written: it can only be opened read-only."""


class ServerUnreachable(WorkspaceError):
    """The database server cannot be reached, refused us, or the connection was lost."""


class ReadOnlyWorkspace(StoreError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"This workspace is open read-only: {reason}. Nothing was saved.")


class DatabaseBusy(StoreError):
    """Another program holds a lock on the database for longer than we wait."""


class NotWritable(StoreError):
    """The database refuses writes it accepted before (file made read-only, no privilege)."""


class StorageFull(StoreError):
    pass


class StorageFailed(StoreError):
    """The disk (or the server's disk) reported an input/output error."""
