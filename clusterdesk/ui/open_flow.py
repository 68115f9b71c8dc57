"""Opening a workspace with the right question for each refusal: held by someone else,
damaged (offer the newest good backup), not a workspace, or from a newer ClusterDesk."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ..store.backup import BackupError, restore_into
from ..store.lock import LockHeld
from ..store.migrate import MigrationError
from ..store.workspace import DamagedWorkspace, WorkspaceError
from .common.messages import show_error
from .controller import WorkspaceController


def open_with_dialogs(parent: QWidget | None, controller: WorkspaceController, location: str,
                      *, read_only: bool = False) -> bool:
    """Try to open; ask the user what to do when it is refused. True when a workspace opened."""
    try:
        controller.open(location, read_only=read_only)
        return True
    except LockHeld as held:
        return _ask_about_lock(parent, controller, location, held)
    except DamagedWorkspace as damaged:
        return _offer_restore(parent, controller, location, damaged)
    except (WorkspaceError, MigrationError, BackupError) as exc:
        show_error(parent, "Cannot open the workspace", str(exc))
        return False


def _ask_about_lock(parent, controller, location: str, held: LockHeld) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, "The workspace is in use", str(held),
                      QMessageBox.StandardButton.Cancel, parent)
    read_only = box.addButton("Open &read-only", QMessageBox.ButtonRole.AcceptRole)
    breaker = None
    if held.breakable:
        breaker = box.addButton("&Break the lock", QMessageBox.ButtonRole.DestructiveRole)
        box.setInformativeText("Break the lock only if you are sure ClusterDesk is not running "
                               f"on {held.holder.host}: two people editing one file can lose work.")
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    try:
        if clicked is read_only:
            controller.open(location, read_only=True)
            return True
        if breaker is not None and clicked is breaker:
            controller.open(location, break_lock=True)
            return True
    except (WorkspaceError, LockHeld) as exc:
        show_error(parent, "Cannot open the workspace", str(exc))
    return False


def _offer_restore(parent, controller, location: str, damaged: DamagedWorkspace) -> bool:
    backup = damaged.newest_good_backup
    if backup is None:
        show_error(parent, "The workspace is damaged",
                   f"{damaged}\n\nThe file was left exactly as it is. No good backup of it was found.")
        return False
    box = QMessageBox(QMessageBox.Icon.Critical, "The workspace is damaged",
                      f"{damaged}\n\nThe file was left exactly as it is.",
                      QMessageBox.StandardButton.Cancel, parent)
    restore = box.addButton(f"Restore the backup of {backup.label}", QMessageBox.ButtonRole.AcceptRole)
    box.setInformativeText("Restoring keeps the damaged file beside it (renamed) so nothing is lost.")
    box.exec()
    if box.clickedButton() is not restore:
        return False
    from datetime import datetime
    from pathlib import Path

    from ..store.lock import WorkspaceLock

    path = Path(location)
    keep = path.with_name(f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
    lock = WorkspaceLock(path)
    try:
        lock.acquire()
    except LockHeld as held:
        show_error(parent, "Cannot restore", str(held))
        return False
    try:
        path.rename(keep)
        for suffix in ("-wal", "-shm"):
            extra = Path(str(path) + suffix)
            if extra.exists():
                extra.rename(Path(str(keep) + suffix))
        restore_into(backup.path, path)
    except (OSError, BackupError) as exc:
        show_error(parent, "Cannot restore", f"The restore failed: {exc}")
        return False
    finally:
        lock.release()
    return open_with_dialogs(parent, controller, location)
