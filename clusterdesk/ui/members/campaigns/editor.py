"""The campaign's own facts: name, kind, questionnaire, period, notes. A refused save keeps
what was typed and marks the field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ....domain.campaigns import CampaignKind
from ....domain.dates import DateParseError
from ....services import campaigns as campaign_service
from ....services import surveys
from ....services.errors import ValidationError
from ...common.forms import (
    DateField,
    clear_field_errors,
    error_label,
    find_data,
    show_field_errors,
)
from ...common.save_bar import SaveBar


class CampaignEditor(QWidget):
    saved = Signal(object)  # CampaignDetail

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.detail: campaign_service.CampaignDetail | None = None
        self._dirty = False
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.name = QLineEdit()
        self.kind = QComboBox()
        for value, label in CampaignKind.choices():
            self.kind.addItem(label, value)
        self.questionnaire = QComboBox()
        self.starts_on = DateField(today=controller.today)
        self.ends_on = DateField(today=controller.today)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 2 + 14)
        self.notes.setPlaceholderText("What the campaign is for, what to ask, how to note needs")
        grid.addWidget(QLabel("&Name:", buddy=self.name), 0, 0)
        grid.addWidget(self.name, 0, 1, 1, 3)
        grid.addWidget(QLabel("&Kind:", buddy=self.kind), 0, 4)
        grid.addWidget(self.kind, 0, 5)
        grid.addWidget(QLabel("&Questionnaire:", buddy=self.questionnaire), 1, 0)
        grid.addWidget(self.questionnaire, 1, 1, 1, 5)
        grid.addWidget(QLabel("Fro&m:", buddy=self.starts_on), 2, 0)
        grid.addWidget(self.starts_on, 2, 1)
        grid.addWidget(QLabel("&To:", buddy=self.ends_on), 2, 2)
        grid.addWidget(self.ends_on, 2, 3)
        grid.addWidget(QLabel("Notes:"), 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.notes, 3, 1, 1, 5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)
        for field in (self.starts_on, self.ends_on):
            field.setMaximumWidth(170)
        layout.addLayout(grid)
        self.errors = error_label()
        layout.addWidget(self.errors)
        self.save_bar = SaveBar("campaign", self.save, self.revert)
        layout.addWidget(self.save_bar)
        self.fields = {"name": self.name, "kind": self.kind, "questionnaire": self.questionnaire,
                       "starts_on": self.starts_on, "ends_on": self.ends_on, "notes": self.notes}
        for widget in (self.name, self.starts_on, self.ends_on):
            widget.textEdited.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self.questionnaire.currentIndexChanged.connect(self._changed)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._set_dirty(False)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_bar.show_state(dirty, "A new campaign: name it, pick the questionnaire, save (Ctrl+S)."
                                 if self.detail is None else
                                 f"Saved · last change by {self.detail.updated_by or 'someone'}")

    def _fill_questionnaires(self, selected) -> None:
        self.questionnaire.clear()
        self.questionnaire.addItem("(none — only outcomes and notes)", None)
        for row in surveys.list_questionnaires(self.controller.ctx):
            self.questionnaire.addItem(f"{row.name}  ({row.questions} questions)", row.id)
        index = find_data(self.questionnaire, selected) if selected else 0
        self.questionnaire.setCurrentIndex(max(0, index))

    def load(self, detail: campaign_service.CampaignDetail | None) -> None:
        self._loading = True
        self.detail = detail
        try:
            data = detail.data if detail else campaign_service.CampaignInput(name="")
            self.name.setText(data.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
            self._fill_questionnaires(data.questionnaire_id)
            self.starts_on.set_date(data.starts_on)
            self.ends_on.set_date(data.ends_on)
            self.notes.setPlainText(data.notes)
            self._clear_errors()
        finally:
            self._loading = False
        self._set_dirty(False)

    def start_new(self) -> None:
        self.load(None)
        self.starts_on.set_date(self.controller.today())
        self._set_dirty(True)
        self.name.setFocus()

    def _clear_errors(self) -> None:
        clear_field_errors(self.fields, self.errors)

    def collect(self) -> campaign_service.CampaignInput:
        errors: dict[str, str] = {}
        dates = {}
        for key in ("starts_on", "ends_on"):
            try:
                dates[key] = self.fields[key].date()
            except DateParseError as exc:
                errors[key], dates[key] = str(exc), None
        if errors:
            raise ValidationError(errors)
        return campaign_service.CampaignInput(
            self.name.text(), self.kind.currentData(), self.questionnaire.currentData(),
            dates["starts_on"], dates["ends_on"], self.notes.toPlainText(),
            self.detail.data.version if self.detail else 0)

    def save(self) -> bool:
        if not self._dirty:
            return True
        self._clear_errors()
        try:
            data = self.collect()
            if self.detail is None:
                result = self.controller.run_op(self, "Save campaign", campaign_service.create_campaign, data)
            else:
                result = self.controller.run_op(self, "Save campaign", campaign_service.update_campaign,
                                                self.detail.id, data)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        if result is None:
            return False
        self.load(result[0])
        self.saved.emit(result[0])
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self.fields, errors, self.errors, {"starts_on": "From", "ends_on": "To"})

    def revert(self) -> None:
        if self.detail is None:
            self.load(None)
            return
        self.load(campaign_service.get_campaign(self.controller.ctx, self.detail.id))
