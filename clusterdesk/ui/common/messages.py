"""Message boxes with the wording rules of the app: say what happened and what to do."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "OK") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def settle_unsaved(parent: QWidget | None, text: str, save, revert) -> bool:
    """Ask what to do with unsaved typing and do it; True when it is fine to move on."""
    answer = ask_to_save(parent, text)
    if answer == "save":
        return save()
    if answer == "discard":
        revert()
    return answer == "discard"


def ask_to_save(parent: QWidget | None, text: str) -> str:
    """Save, discard or cancel unsaved changes: returns "save", "discard" or "cancel"."""
    answer = QMessageBox.question(
        parent, "Unsaved changes", text,
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"
