"""Funding sources (§2.2): the list (basic funding, regional funds, EU programmes, national
programmes, private co-funding, participant fees) in a dialog of its own, each source added
or edited in a small dialog; deleted ones go to the bin and come back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ...domain.enums import FundingSourceKind
from ...domain.formatting import format_money_whole
from ...services import funding_sources as source_service
from ..common.forms import MoneyField, enum_combo, refuse_with_everything, select_data, text_box
from ..common.record_dialog import RecordDialog
from ..common.table_model import Column, RowTableModel
from ..common.tables import row_at, select_row_with_id, sorted_table

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = (
    Column("name", "Name", lambda r: r.name, width=290, tooltip=lambda r: r.data.notes or r.name),
    Column("kind", "Kind", lambda r: FundingSourceKind(r.kind).label, width=170),
    Column("available", "Available a year", lambda r: r.data.available.amount if r.data.available else -1,
           width=120, align=RIGHT, text_of=lambda r: format_money_whole(r.data.available)),
    Column("calls", "Calls", lambda r: r.calls, width=50, align=RIGHT),
    Column("lines", "Budget lines", lambda r: r.budget_lines, align=RIGHT),
)


class SourceDialog(RecordDialog):
    """Add a funding source, or edit one."""

    noun = "funding source"

    def __init__(self, controller, row: source_service.SourceRow | None = None, parent=None) -> None:
        super().__init__(controller, parent)
        self.setWindowTitle("Edit funding source" if row else "New funding source")
        data = row.data if row else source_service.SourceInput("")
        self.record_id = row.id if row else None
        self.version = data.version
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QLineEdit(data.name)
        self.name.setPlaceholderText("e.g. Interreg Öresund–Kattegat–Skagerrak")
        self.kind = enum_combo(FundingSourceKind)
        select_data(self.kind, data.kind)
        self.website = QLineEdit(data.website)
        self.available = MoneyField()
        self.available.set_money(data.available)
        self.available.setToolTip("What the source holds for international work in a year, when known")
        self.notes = text_box(70)
        self.notes.setPlainText(data.notes)
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Website:", self.website)
        form.addRow("&Available a year:", self.available)
        form.addRow("N&otes:", self.notes)
        self.fields = {"name": self.name, "kind": self.kind, "website": self.website,
                       "available": self.available.amount, "notes": self.notes}
        self.labels = {"available": "Available a year"}
        self.add_buttons(layout)
        self.resize(520, 300)

    def snapshot(self) -> tuple:
        return (self.name.text(), self.kind.currentData(), self.website.text(), self.available.amount.text(),
                self.available.currency.currentText(), self.notes.toPlainText())

    def collect(self) -> source_service.SourceInput:
        errors = {}
        try:
            available = self.available.money()
        except ValueError as exc:
            errors["available"], available = str(exc), None
        data = source_service.SourceInput(self.name.text(), self.kind.currentData(), self.website.text(),
                                          available, self.notes.toPlainText(), self.version)
        refuse_with_everything(errors, lambda: source_service.validate_source(data))
        return data

    def write(self, data):
        if self.record_id is None:
            return self.controller.run_op(self, "Save funding source", source_service.create_source, data)
        return self.controller.run_op(self, "Save funding source", source_service.update_source,
                                      self.record_id, data)


class SourcesDialog(QDialog):
    """Every funding source, to add, edit, delete and restore."""

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Funding sources")
        layout = QVBoxLayout(self)
        hint = QLabel("Where the money for international work comes from. A patchwork of sources "
                      "spreads the risk (handbook §2.2).")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = RowTableModel(COLUMNS, parent=self)
        self.view, self.proxy = sorted_table(self.model, COLUMNS, parent=self)
        self.view.doubleClicked.connect(lambda _i: self.edit_source())
        self.view.activated.connect(lambda _i: self.edit_source())
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.bin_toggle = QCheckBox("&Bin")
        self.bin_toggle.setToolTip("Show deleted sources, to restore them")
        self.bin_toggle.toggled.connect(self.refresh)
        buttons.addWidget(self.bin_toggle)
        buttons.addStretch(1)
        self.new_button = QPushButton("&New source")
        self.new_button.setToolTip("Add a funding source (Ctrl+N)")
        self.new_button.clicked.connect(self.new_source)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setToolTip("Edit the selected source (Enter)")
        self.edit_button.clicked.connect(self.edit_source)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setToolTip("Move the selected source to the bin (Del); it can be restored")
        self.delete_button.clicked.connect(self.delete_or_restore)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_source)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_or_restore)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.resize(760, 420)
        self.refresh()
        self.view.setFocus()
        if self.proxy.rowCount():
            self.view.selectRow(0)

    def refresh(self, *_args) -> None:
        current = row_at(self.view)
        in_bin = self.bin_toggle.isChecked()
        self.model.set_rows(source_service.list_sources(self.controller.ctx, deleted=in_bin))
        self.delete_button.setText("&Restore" if in_bin else "&Delete")
        self.edit_button.setEnabled(not in_bin)
        if current is not None:
            select_row_with_id(self.view, current.id)

    def new_source(self) -> None:
        self._open(None)

    def edit_source(self) -> None:
        row = row_at(self.view)
        if row is not None and not self.bin_toggle.isChecked():
            self._open(row)

    def _open(self, row) -> None:
        dialog = SourceDialog(self.controller, row, self)
        if dialog.exec():
            self.refresh()
            select_row_with_id(self.view, dialog.record_id)

    def delete_or_restore(self) -> None:
        row = row_at(self.view)
        if row is None:
            return
        if self.bin_toggle.isChecked():
            done = self.controller.run_op(self, "Restore funding source", source_service.restore_source, row.id)
        else:
            done = self.controller.run_op(self, "Delete funding source", source_service.delete_source, row.id)
        if done is not None:
            self.refresh()
