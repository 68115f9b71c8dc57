"""Wizard step 1: the file, its sheet, and the row that holds the column names — with a
preview of the top of the sheet so the user sees what was detected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from ...domain.text import plural
from ...imports.rows import text_of
from ...imports.sources import CSV_SUFFIXES, EXCEL_SUFFIXES, SourceError, SourceTable, read_source
from ..common.forms import error_label
from ..common.table_model import Column, RowTableModel
from ..common.tables import table_view
from ..common.theme import ACCENT
from .jobs import JobBar, was_cancelled

PREVIEW_ROWS = 40
FILE_FILTER = ("Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.tsv);;Excel workbooks (*.xlsx *.xlsm);;"
               "CSV files (*.csv *.txt *.tsv);;All files (*)")


def _buddy(text: str, widget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


@dataclass(frozen=True)
class PreviewRow:
    number: int  # spreadsheet row number
    cells: tuple


class FilePage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle("Choose the file")
        self.setSubTitle("An Excel workbook (.xlsx) or a CSV file, one row per member or per "
                         "contact person. Nothing is changed until the last step.")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("The file to import")
        # Enter in the file name reads that file, and does not also press Next.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.path_edit, self._path_entered)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setToolTip("Choose the file (Ctrl+O)")
        self.browse_button.clicked.connect(self.browse)
        QShortcut(QKeySequence.StandardKey.Open, self, self.browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow(_buddy("&File:", self.path_edit), row)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(24)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.header_spin.setToolTip("The row with the column names; rows above it are left out")
        self.header_spin.valueChanged.connect(self._header_changed)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addSpacing(16)
        sheet_row.addWidget(_buddy("&Header row:", self.header_spin))
        sheet_row.addWidget(self.header_spin)
        sheet_row.addSpacing(16)
        self.info = QLabel()
        self.info.setProperty("role", "hint")
        sheet_row.addWidget(self.info, 1)
        form.addRow(_buddy("&Sheet:", self.sheet_combo), sheet_row)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.job = JobBar()
        layout.addWidget(self.job)
        self.model = RowTableModel([], [], self)
        self.model.decorate = self._decorate
        self.view = table_view(self.model)
        layout.addWidget(self.view, 1)
        self._set_source(None)

    def _path_entered(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.load(Path(text).expanduser())

    # --- loading ------------------------------------------------------------------------------

    def browse(self) -> None:
        start = self.path_edit.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Import members from", start, FILE_FILTER)
        if path:
            self.load(Path(path))

    def load(self, path: Path, sheet: str | None = None) -> None:
        """Read the file in the background; the preview shows when it is read."""
        self.path_edit.setText(str(path))
        self.error.hide()
        if path.suffix.lower() not in (*EXCEL_SUFFIXES, *CSV_SUFFIXES, ".xls") and path.suffix:
            self._failed(SourceError(f"{path.name} is not a spreadsheet: import .xlsx or .csv files."))
            return
        self._set_source(None)

        def work(progress, cancel):
            return read_source(path, sheet, tick=lambda n: (cancel.check(), progress("Reading", n, 0)))

        self.job.run(self.wiz.controller.runner, work, self._loaded, self._failed,
                     f"Reading {path.name}")
        if self.job.running:
            self.info.setText("")

    def _loaded(self, source: SourceTable) -> None:
        if self.wiz.closed:
            return
        self._set_source(source)

    def _failed(self, exc: BaseException) -> None:
        if self.wiz.closed:
            return
        self._set_source(None)
        if isinstance(exc, (SourceError, OSError)):
            self.error.setText(str(exc))
            self.error.show()
        elif not was_cancelled(exc):
            raise exc

    def _sheet_chosen(self, _index: int) -> None:
        source = self.wiz.source
        sheet = self.sheet_combo.currentText()
        if source is not None and sheet != source.sheet:
            self.load(source.path, sheet)

    def _header_changed(self, value: int) -> None:
        source = self.wiz.source
        if source is not None and value - 1 != source.header_index:
            self._set_source(source.with_header_row(value - 1), keep_sheets=True)

    def _set_source(self, source: SourceTable | None, keep_sheets: bool = False) -> None:
        self.wiz.set_source(source)
        if not keep_sheets:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            if source is not None and source.sheets:
                self.sheet_combo.addItems(list(source.sheets))
                self.sheet_combo.setCurrentText(source.sheet)
            self.sheet_combo.blockSignals(False)
        self.sheet_combo.setEnabled(source is not None and len(source.sheets) > 1)
        self.header_spin.blockSignals(True)
        self.header_spin.setEnabled(source is not None)
        self.header_spin.setMaximum(max(1, min(len(source.rows), PREVIEW_ROWS)) if source else 1)
        self.header_spin.setValue(source.header_index + 1 if source else 1)
        self.header_spin.blockSignals(False)
        if source is None:
            self.info.setText("" if self.job.running else
                              "Browse… (Ctrl+O), or type the file's path and press Enter.")
            self.model.columns = []
            self.model.set_rows([])
        else:
            rows = len(source.data_rows())
            self.info.setText(f"{source.describe()} · {plural(rows, 'row')} below the header "
                              f"({source.header_label()}, shown in bold)")
            width = max((len(r) for r in source.rows[:PREVIEW_ROWS]), default=0)
            self.model.columns = [Column("row", "Row", lambda r: r.number, width=44)] + [
                Column(f"c{i}", letter, lambda r, i=i: r.cells[i] if i < len(r.cells) else None,
                       text_of, width=130)
                for i, letter in enumerate(c.letter for c in source.columns[:width])]
            self.model.set_rows([PreviewRow(i + 1, row) for i, row in enumerate(source.rows[:PREVIEW_ROWS])])
            for i, column in enumerate(self.model.columns):
                self.view.setColumnWidth(i, column.width)
        self.completeChanged.emit()

    def _decorate(self, row: PreviewRow, role: int):
        source = self.wiz.source
        if source is None:
            return None
        first, header = source.header_first + 1, source.header_index + 1
        in_header = first <= row.number <= header
        if role == Qt.ItemDataRole.FontRole and in_header:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and in_header:
            color = QColor(ACCENT)
            color.setAlpha(40)
            return color
        if role == Qt.ItemDataRole.ForegroundRole and row.number < first:
            return QColor("#8a96a3")
        return None

    def isComplete(self) -> bool:  # noqa: N802
        return self.wiz.source is not None and not self.job.running
