"""File ▸ Restore from backup: pick one of this workspace's backups and go back to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from ..domain.formatting import format_datetime
from .common.messages import confirm, show_error
from .common.table_model import ROW_ROLE, Column, RowTableModel

COLUMNS = (
    Column("taken_at", "Taken", lambda b: b.taken_at, format_datetime, width=170),
    Column("reason", "Why", lambda b: b.reason.replace("-", " ")),
    Column("size", "Size", lambda b: b.size, lambda n: f"{n / 1e6:.1f} MB",
           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
    Column("path", "File", lambda b: b.path.name),
)


class RestoreDialog(QDialog):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Restore from backup")
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        intro = QLabel("Choose the backup to go back to. What the workspace holds now is backed "
                       "up first, so this restore can itself be undone.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        backups = controller.workspace.backups.list() if controller.workspace.backups else []
        self.model = RowTableModel(COLUMNS, backups, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.resizeColumnsToContents()
        self.view.doubleClicked.connect(lambda _i: self._restore())
        layout.addWidget(self.view)
        if backups:
            self.view.selectRow(0)
        else:
            layout.addWidget(QLabel("There are no backups of this workspace yet."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def selected(self):
        indexes = self.view.selectionModel().selectedRows()
        return self.model.data(indexes[0], ROW_ROLE) if indexes else None

    def _restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        if not confirm(self, "Restore from backup",
                       f"Go back to the backup of {backup.label}?\n\nChanges made since then "
                       "will no longer be in the workspace (they stay in the safety backup "
                       "taken now).", "Restore"):
            return
        try:
            self.controller.restore(backup)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, "Restore from backup", f"The restore failed: {exc}")
            return
        self.accept()
