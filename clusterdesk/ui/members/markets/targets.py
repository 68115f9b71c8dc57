"""Target markets: the countries the cluster decided to focus on, with why, when and by whom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....domain.countries import country_name
from ....domain.dates import DateParseError
from ....domain.formatting import format_date
from ....services import markets as market_service
from ....services.errors import ValidationError
from ...common.forms import (
    CountryField,
    DateField,
    clear_field_errors,
    error_label,
    show_field_errors,
)
from ...common.messages import confirm
from ...common.table_model import Column, RowTableModel
from ...common.tables import row_at, sorted_table

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TargetMarketDialog(QDialog):
    """Mark a country as a target market, or change the decision's note."""

    def __init__(self, controller, country: str | None = None, existing=None, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.existing = existing
        self.setWindowTitle("Target market")
        self.resize(480, 300)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.country = CountryField(allow_empty=True)
        self.country.set_code(country or (existing.country if existing else None))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Why this market: members' interest, analyses, the board's decision")
        self.decided_on = DateField(today=controller.today)
        self.decided_by = QLineEdit()
        self.decided_by.setPlaceholderText("e.g. Board meeting, Strategy day")
        if existing is not None:
            self.note.setPlainText(existing.note)
            self.decided_on.set_date(existing.decided_on)
            self.decided_by.setText(existing.decided_by)
        else:
            self.decided_on.set_date(controller.today())
        form.addRow("&Country:", self.country)
        form.addRow("&Why:", self.note)
        form.addRow("&Decided on:", self.decided_on)
        form.addRow("Decided &by:", self.decided_by)
        layout.addLayout(form)
        self.errors = error_label()
        layout.addWidget(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("Save (Ctrl+S, Ctrl+Enter)")
        layout.addWidget(buttons)
        for keys in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return")):
            QShortcut(keys, self, self.save)
        (self.note if country or existing else self.country).setFocus()

    def save(self) -> None:
        fields = {"country": self.country, "decided_on": self.decided_on}
        clear_field_errors(fields, self.errors)
        errors: dict[str, str] = {}
        try:
            country = self.country.code()
        except ValueError as exc:
            errors["country"], country = str(exc), None
        try:
            decided_on = self.decided_on.date()
        except DateParseError as exc:
            errors["decided_on"], decided_on = str(exc), None
        try:
            if errors:
                raise ValidationError(errors)
            data = market_service.TargetMarketInput(
                country or "", self.note.toPlainText(), decided_on, self.decided_by.text(),
                self.existing.version if self.existing and self.existing.country == country else 0)
            result = self.controller.run_op(self, "Target market", market_service.mark_target_market, data)
        except ValidationError as exc:
            show_field_errors(fields, exc.errors, self.errors, {"decided_on": "Decided on"})
            return
        if result is not None:
            self.accept()


class TargetMarketsPanel(QWidget):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.interest: dict[str, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        hint = QLabel("The countries the cluster has chosen to focus on (handbook §1.2: select the "
                      "right markets). The interest matrix shows them with ★.")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.columns = (
            Column("country", "Country", lambda r: country_name(r.country), width=150),
            Column("members", "Members interested", lambda r: self.interest.get(r.country, 0),
                   align=RIGHT, width=130),
            Column("decided_on", "Decided on", lambda r: r.decided_on, format_date, width=100),
            Column("decided_by", "Decided by", lambda r: r.decided_by, width=150),
            Column("note", "Why", lambda r: r.note.replace("\n", " "), width=400),
        )
        self.model = RowTableModel(self.columns, parent=self)
        self.view, self.proxy = sorted_table(self.model, self.columns, parent=self)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(lambda _i: self.edit())
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.mark_button = QPushButton("&Mark a target market…")
        self.mark_button.setToolTip("Add a country to the target markets (Ctrl+T)")
        self.mark_button.clicked.connect(lambda: self.mark())
        self.edit_button = QPushButton("&Change…")
        self.edit_button.setToolTip("Change the note or date of the selected decision (Enter)")
        self.edit_button.clicked.connect(self.edit)
        self.unmark_button = QPushButton("&Unmark")
        self.unmark_button.setToolTip("The selected country is no longer a target market (Delete)")
        self.unmark_button.clicked.connect(self.unmark)
        for button in (self.mark_button, self.edit_button, self.unmark_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.unmark)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    def show_overview(self, overview) -> None:
        self.interest = {c.code: c.members for c in overview.matrix.countries}
        self.model.set_rows(list(overview.targets.values()))
        has_rows = self.model.rowCount() > 0
        self.edit_button.setEnabled(has_rows)
        self.unmark_button.setEnabled(has_rows)

    def selected(self):
        return row_at(self.view)

    def mark(self, country: str | None = None) -> None:
        existing = next((r for r in self.model.rows() if r.country == country), None)
        TargetMarketDialog(self.controller, country, existing, self).exec()

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            TargetMarketDialog(self.controller, row.country, row, self).exec()

    def unmark(self) -> None:
        row = self.selected()
        if row is not None and confirm(self, "Unmark target market",
                                       f"{country_name(row.country)} is no longer a target market?",
                                       "Unmark"):
            self.controller.run_op(self, "Unmark target market", market_service.unmark_target_market,
                                   row.country)
