"""Market analyses (handbook §1.2.1–§1.2.3): the list beside the editor of the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....domain.dates import DateParseError
from ....domain.formatting import format_date
from ....domain.markets import ATTRACTIVENESS, AnalysisSource, MarketKind
from ....services import markets as market_service
from ....services.errors import ValidationError
from ...common.forms import (
    CountryField,
    DateField,
    clear_field_errors,
    error_label,
    find_data,
    show_field_errors,
)
from ...common.messages import ask_to_save, confirm
from ...common.save_bar import SaveBar
from ...common.table_model import Column, RowTableModel
from ...common.tables import RowChooser, row_at, sorted_table

ANALYSIS_COLUMNS = (
    Column("title", "Analysis", lambda r: r.title, width=220),
    Column("market", "Market", lambda r: r.market, width=140),
    Column("source", "Source", lambda r: AnalysisSource(r.source).label, width=120),
    Column("made_on", "Date", lambda r: r.made_on, format_date, width=90),
    Column("attractiveness", "Attractive", lambda r: r.attractiveness,
           lambda v: ATTRACTIVENESS.get(v, "") if v else "", width=95),
    Column("prepared_by", "Prepared by", lambda r: r.prepared_by, width=150),
    Column("document_link", "Document", lambda r: r.document_link, width=150),
)


class AnalysesPanel(QWidget):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.detail: market_service.AnalysisDetail | None = None
        self._dirty = False
        self._loading = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by title, market, source, notes…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self.refresh())
        left_layout.addWidget(self.filter)
        self.model = RowTableModel(ANALYSIS_COLUMNS, parent=self)
        self.view, self.proxy = sorted_table(self.model, ANALYSIS_COLUMNS, sort_column=3,
                                             order=Qt.SortOrder.DescendingOrder, parent=self)
        self.chooser = RowChooser(self.view, self._choose, self.confirm_discard)
        left_layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("&New analysis")
        self.new_button.setToolTip("Record a market analysis (Ctrl+N)")
        self.new_button.clicked.connect(self.new_analysis)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Move the selected analysis to the bin (Delete)")
        self.delete_button.clicked.connect(self.delete_analysis)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        splitter.addWidget(left)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(8, 0, 0, 0)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setPlaceholderText("Left empty, the market names it")
        self.market_kind = QComboBox()
        for value, label in MarketKind.choices():
            self.market_kind.addItem(label, value)
        self.country = CountryField()
        self.technology = QLineEdit()
        self.technology.setPlaceholderText("e.g. Smart water metering")
        self.source = QComboBox()
        for value, label in AnalysisSource.choices():
            self.source.addItem(label, value)
        self.prepared_by = QLineEdit()
        self.prepared_by.setPlaceholderText("Who made it, e.g. Master's students, Aalborg University")
        self.made_on = DateField(today=controller.today)
        self.attractiveness = QComboBox()
        self.attractiveness.addItem("Not rated", None)
        for value, label in ATTRACTIVENESS.items():
            self.attractiveness.addItem(label, value)
        link_row = QHBoxLayout()
        self.document_link = QLineEdit()
        self.document_link.setPlaceholderText("https://… or the file's full path")
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Open the document")
        self.open_button.clicked.connect(self.open_document)
        link_row.addWidget(self.document_link, 1)
        link_row.addWidget(self.open_button)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.fields = {"title": self.title, "market_kind": self.market_kind, "country": self.country,
                       "technology": self.technology, "source": self.source,
                       "prepared_by": self.prepared_by, "made_on": self.made_on,
                       "attractiveness": self.attractiveness, "document_link": self.document_link,
                       "notes": self.notes}
        for label, key in (("&Title:", "title"), ("&Kind:", "market_kind"), ("&Country:", "country"),
                           ("Technolog&y:", "technology"), ("Sou&rce:", "source"),
                           ("&Prepared by:", "prepared_by"), ("&Date:", "made_on"),
                           ("&Attractiveness:", "attractiveness")):
            form.addRow(label, self.fields[key])
        form.addRow(QLabel("Doc&ument:", buddy=self.document_link), link_row)
        form.addRow("N&otes:", self.notes)
        editor_layout.addLayout(form, 1)
        self.errors = error_label()
        editor_layout.addWidget(self.errors)
        self.save_bar = SaveBar("analysis", self.save, self.revert)
        editor_layout.addWidget(self.save_bar)
        self.editor = editor
        splitter.addWidget(editor)
        splitter.setSizes([760, 520])
        for widget in (self.title, self.technology, self.prepared_by, self.made_on, self.document_link):
            widget.textEdited.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.country.editTextChanged.connect(self._changed)
        for combo in (self.market_kind, self.source, self.attractiveness, self.country):
            combo.currentIndexChanged.connect(self._changed)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_analysis).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_analysis)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.load(None)
        self.editor.setEnabled(False)

    # --- list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.detail.id if self.detail else None
        self.model.set_rows(market_service.list_analyses(self.controller.ctx, self.filter.text()))
        if current is not None:
            self._go_to(current, load=not self._dirty)

    def rows(self):
        return self.model.rows()

    def _go_to(self, analysis_id, *, load: bool = True) -> None:
        if self.chooser.go_to(analysis_id) and load:
            self._choose(analysis_id)

    def _choose(self, analysis_id) -> None:
        self.load(market_service.get_analysis(self.controller.ctx, analysis_id))

    # --- editor --------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_bar.show_state(dirty, f"Saved · by {self.detail.updated_by}" if self.detail else "")
        self.open_button.setEnabled(bool(self.document_link.text().strip()))

    def load(self, detail) -> None:
        self._loading = True
        self.detail = detail
        try:
            data = detail.data if detail else market_service.AnalysisInput(title="")
            self.title.setText(data.title)
            self.market_kind.setCurrentIndex(max(0, find_data(self.market_kind, data.market_kind)))
            self.country.set_code(data.country)
            self.technology.setText(data.technology)
            self.source.setCurrentIndex(max(0, find_data(self.source, data.source)))
            self.prepared_by.setText(data.prepared_by)
            self.made_on.set_date(data.made_on)
            self.attractiveness.setCurrentIndex(max(0, find_data(self.attractiveness, data.attractiveness)))
            self.document_link.setText(data.document_link)
            self.notes.setPlainText(data.notes)
            clear_field_errors(self.fields, self.errors)
        finally:
            self._loading = False
        self.editor.setEnabled(True)
        self._set_dirty(False)

    def new_analysis(self) -> None:
        if not self.confirm_discard():
            return
        self.view.clearSelection()
        self.load(None)
        self.made_on.set_date(self.controller.today())
        self._set_dirty(True)
        self.title.setFocus()

    def collect(self) -> market_service.AnalysisInput:
        errors: dict[str, str] = {}
        try:
            country = self.country.code()
        except ValueError as exc:
            errors["country"], country = str(exc), None
        try:
            made_on = self.made_on.date()
        except DateParseError as exc:
            errors["made_on"], made_on = str(exc), None
        if errors:
            raise ValidationError(errors)
        return market_service.AnalysisInput(
            self.title.text(), self.market_kind.currentData(), country, self.technology.text(),
            self.source.currentData(), self.prepared_by.text(), made_on,
            self.attractiveness.currentData(), self.document_link.text(), self.notes.toPlainText(),
            self.detail.data.version if self.detail else 0)

    def save(self) -> bool:
        if not self._dirty:
            return True
        clear_field_errors(self.fields, self.errors)
        try:
            data = self.collect()
            if self.detail is None:
                result = self.controller.run_op(self, "Save analysis", market_service.create_analysis, data)
            else:
                result = self.controller.run_op(self, "Save analysis", market_service.update_analysis,
                                                self.detail.id, data)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        if result is None:
            return False
        self.load(result[0])
        self._go_to(result[0].id, load=False)
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self.fields, errors, self.errors)

    def revert(self) -> None:
        if self.detail is None:
            self.load(None)
            self.editor.setEnabled(False)
            return
        self.load(market_service.get_analysis(self.controller.ctx, self.detail.id))

    def confirm_discard(self) -> bool:
        if not self._dirty:
            return True
        answer = ask_to_save(self, "Save the changes to this market analysis first?")
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.revert()
        return answer == "discard"

    def delete_analysis(self) -> None:
        row = row_at(self.view)
        if row is None:
            return
        if confirm(self, "Delete analysis", f"Move “{row.title}” to the bin?", "Delete") and \
                self.controller.run_op(self, "Delete analysis", market_service.delete_analysis, row.id):
            self.load(None)
            self.editor.setEnabled(False)

    def open_document(self) -> None:
        link = self.document_link.text().strip()
        if link:
            url = QUrl(link) if "://" in link else QUrl.fromLocalFile(link)
            QDesktopServices.openUrl(url)
