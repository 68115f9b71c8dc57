"""Opening a workspace with the right question for each refusal: held by someone else,
damaged (offer the newest good backup), in a read-only place (offer read-only), not a
workspace, or from a newer ClusterDesk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ..store.backup import restore_workspace_file
from ..store.errors import DamagedWorkspace, ReadOnlyLocation, StoreError
from ..store.lock import LockHeld, WorkspaceLock
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
        return offer_restore(parent, controller, location, damaged)
    except ReadOnlyLocation as refused:
        return _offer_read_only(parent, controller, location, refused)
    except StoreError as exc:
        show_error(parent, "Cannot open the workspace", str(exc))
        return False


def _open_read_only(parent, controller, location: str) -> bool:
    try:
        controller.open(location, read_only=True)
        return True
    except StoreError as exc:
        show_error(parent, "Cannot open the workspace", str(exc))
        return False


def _offer_read_only(parent, controller, location: str, refused: ReadOnlyLocation) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, "The workspace cannot be changed here", str(refused),
                      QMessageBox.StandardButton.Cancel, parent)
    read_only = box.addButton("Open &read-only", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only and _open_read_only(parent, controller, location)


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
    if clicked is read_only:
        return _open_read_only(parent, controller, location)
    if breaker is not None and clicked is breaker:
        try:
            controller.open(location, break_lock=True)
            return True
        except StoreError as exc:
            show_error(parent, "Cannot open the workspace", str(exc))
    return False


def offer_restore(parent, controller, location: str, damaged: DamagedWorkspace, *,
                  now_read_only: bool = False) -> bool:
    """Say the workspace is damaged and offer its newest good backup; True when the restored
    workspace opened. `now_read_only`: the damaged file is open read-only (a large file whose
    check ran after opening)."""
    state = ("It is open read-only now, exactly as it is." if now_read_only
             else "The file was left exactly as it is.")
    backup = damaged.newest_good_backup
    if backup is None:
        show_error(parent, "The workspace is damaged",
                   f"{damaged}\n\n{state} No good backup of it was found.")
        return False
    box = QMessageBox(QMessageBox.Icon.Critical, "The workspace is damaged", f"{damaged}\n\n{state}",
                      QMessageBox.StandardButton.Cancel, parent)
    restore = box.addButton(f"Restore the backup of {backup.label}", QMessageBox.ButtonRole.AcceptRole)
    box.setInformativeText("Restoring keeps the damaged file beside it (renamed) so nothing is lost.")
    box.exec()
    if box.clickedButton() is not restore:
        return False
    path = Path(location)
    if controller.workspace is not None and controller.workspace.location == str(location):
        controller.close()  # its read-only connections must not outlive the file they read
    lock = WorkspaceLock(path)
    try:
        lock.acquire()
        try:
            restore_workspace_file(path, backup.path, None, damaged=True)
        finally:
            lock.release()
    except (StoreError, OSError) as exc:
        show_error(parent, "Cannot restore", f"The restore failed: {exc}")
        return False
    return open_with_dialogs(parent, controller, location)
