"""Members ▸ Imports: every import with what it did, and undo of a whole import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...domain.formatting import format_datetime
from ...domain.text import plural
from ...services import imports as import_service
from ...services.errors import ServiceError
from ..common.messages import confirm, show_error
from ..common.tab import ListExport, TabPage
from ..common.table_model import Column, RowTableModel
from ..common.tables import sorted_table
from .jobs import JobBar, selected_rows

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _state(row) -> str:
    if row.undone_at is None:
        return "Imported"
    return f"Undone {format_datetime(row.undone_at)}" + (f" by {row.undone_by}" if row.undone_by else "")


COLUMNS = (
    Column("at", "When", lambda r: r.at, format_datetime, width=140),
    Column("by", "By", lambda r: r.by, width=140),
    Column("file", "File", lambda r: r.file_name + (f" ▸ {r.sheet}" if r.sheet else ""), width=280,
           tooltip=lambda r: r.file_name + (f" ▸ {r.sheet}" if r.sheet else "")),
    Column("rows", "Rows", lambda r: r.rows_read, lambda n: f"{n:,}", RIGHT, width=60),
    Column("created", "New members", lambda r: r.members_created, lambda n: f"{n:,}", RIGHT, width=110),
    Column("merged", "Added to", lambda r: r.members_merged, lambda n: f"{n:,}", RIGHT, width=75,
           tooltip=lambda r: "Existing members the import filled in or gave contacts"),
    Column("contacts", "New contacts", lambda r: r.contacts_created, lambda n: f"{n:,}", RIGHT, width=110),
    Column("skipped", "Left out", lambda r: r.rows_skipped, lambda n: f"{n:,}", RIGHT, width=70),
    Column("state", "State", lambda r: _state(r)),
)


class ImportHistoryView(TabPage):
    kinds = ("import_batches",)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        top = QHBoxLayout()
        intro = QLabel("Every import of members and contacts. Undo takes a whole import back: what "
                       "it created goes to the bin, what it filled in is put back as it was.")
        intro.setProperty("role", "hint")
        intro.setWordWrap(True)
        top.addWidget(intro, 1)
        self.import_button = QPushButton("&Import members…")
        self.import_button.setToolTip("Import members and contacts from Excel or CSV (Ctrl+I)")
        self.import_button.clicked.connect(self.open_wizard)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        self.model = RowTableModel(COLUMNS, [], self)
        self.model.decorate = self._decorate
        self.view, _proxy = sorted_table(self.model, COLUMNS, order=Qt.SortOrder.DescendingOrder, parent=self,
                                         stretch=len(COLUMNS) - 1)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        bottom.addWidget(self.count_label, 1)
        self.job = JobBar()
        bottom.addWidget(self.job, 2)
        self.undo_button = QPushButton("&Undo this import…")
        self.undo_button.setToolTip("Take the selected import back as a whole (Del)")
        self.undo_button.clicked.connect(lambda: self.undo_selected())
        bottom.addWidget(self.undo_button)
        layout.addLayout(bottom)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, lambda: self.undo_selected())
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._update_buttons()

    def refresh(self) -> None:
        if self.ctx is None:
            self.model.set_rows([])
            return
        rows = import_service.import_history(self.ctx)
        self.model.set_rows(rows)
        self.count_label.setText(plural(len(rows), "import") if rows else
                                 "No imports yet.")
        if rows and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = selected_rows(self.view)
        self.undo_button.setEnabled(bool(rows) and rows[0].undone_at is None and not self.job.running)

    def _decorate(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and row.undone_at is not None:
            return QColor("#8a96a3")
        return None

    def open_wizard(self) -> None:
        from .wizard import open_import_wizard

        open_import_wizard(self.window(), self.controller)

    def undo_selected(self, ask: bool = True) -> None:
        rows = selected_rows(self.view)
        if not rows or rows[0].undone_at is not None or self.job.running:
            return
        row = rows[0]
        question = (f"Undo the import of {row.file_name} from {format_datetime(row.at)}?\n\n"
                    f"{plural(row.members_created, 'member')} and {plural(row.contacts_created, 'contact')} "
                    f"it created go to the bin; {plural(row.members_merged, 'existing member')} "
                    f"{'gets' if row.members_merged == 1 else 'get'} back what "
                    f"{'it' if row.members_merged == 1 else 'they'} had before. A verified backup "
                    "is taken first.")
        if ask and not confirm(self, "Undo import", question, "Undo import"):
            return
        ctx = self.ctx

        def work(_progress, _cancel):
            return import_service.undo_import(ctx, row.id)

        def done(outcome) -> None:
            result, changes = outcome
            self.controller.changed.emit(changes)
            text = (f"Import undone: {plural(result.members_removed, 'member')} and "
                    f"{plural(result.contacts_removed, 'contact')} moved to the bin")
            if result.members_restored:
                text += f", {plural(result.members_restored, 'member')} put back as they were"
            text += "."
            if result.changed_since:
                text += f" {result.changed_since:,} of them had been edited since; restore them from the bin if needed."
            if result.kept_later_edits:
                text += f" {result.kept_later_edits:,} values edited after the import were kept."
            self.controller.status.emit(text)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            show_error(self, "Undo import", str(exc) if isinstance(exc, ServiceError) else
                       f"The undo failed and nothing was changed: {exc}")

        self.job.run(self.controller.runner, work, done, failed, "Undoing the import")
        self.job.cancel_button.hide()  # an undo is short and all or nothing; no half-way stop
        self._update_buttons()

    def list_export(self) -> ListExport:
        return ListExport("Imports", COLUMNS, self.model.rows())

    def focus_primary(self) -> None:
        self.view.setFocus()
