"""Answers entered on a member's behalf: the list of answer sets of a questionnaire, and
the dialog that fills one in (member, contact, date, how — then the questions)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....domain.dates import DateParseError
from ....domain.formatting import format_date
from ....domain.questionnaires import AnswerSource
from ....services import answers as answer_service
from ....services import members as member_service
from ....services import survey_results, surveys
from ....services.errors import ValidationError
from ...common.forms import (
    DateField,
    clear_field_errors,
    error_label,
    find_data,
    show_field_errors,
)
from ...common.messages import confirm
from ...common.table_model import Column, RowTableModel
from ...common.tables import row_at, sorted_table
from .answer_area import AnswerArea

ANSWER_COLUMNS = (
    Column("answered_on", "Date", lambda r: r.answered_on, format_date, width=95),
    Column("who", "Member / respondent", lambda r: r.who, width=200),
    Column("contact", "Contact", lambda r: r.contact_name, width=120),
    Column("campaign", "Campaign", lambda r: r.campaign_name, width=150),
    Column("by", "Entered by", lambda r: r.answered_by, width=115),
    Column("source", "How", lambda r: AnswerSource(r.source).label, width=85),
    Column("answered", "Answers", lambda r: r.answered,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, width=60),
    Column("revision", "Rev.", lambda r: r.revision,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, width=40),
)


class MemberPicker(QLineEdit):
    """Type part of a member's name; the list of matches comes from the database as you type."""

    member_changed = Signal(object)  # uuid or None

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.member_id: uuid.UUID | None = None
        self._by_name: dict[str, uuid.UUID] = {}
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._chosen)
        self.setCompleter(completer)
        self.setPlaceholderText("Type part of the member's name")
        self.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        rows = member_service.member_page(self.controller.ctx, member_service.MemberFilter(text=text),
                                          limit=25) if text.strip() else []
        self._by_name = {r.name: r.id for r in rows}
        self._names.setStringList(list(self._by_name))
        self._set(self._by_name.get(text.strip()))

    def _chosen(self, name: str) -> None:
        self._set(self._by_name.get(name))

    def _set(self, member_id: uuid.UUID | None) -> None:
        if member_id != self.member_id:
            self.member_id = member_id
            self.member_changed.emit(member_id)

    def set_member(self, member_id: uuid.UUID | None, name: str) -> None:
        self.setText(name)
        self._by_name = {name: member_id} if member_id else {}
        self._set(member_id)


class AnswerSetDialog(QDialog):
    """Fill in (or correct) one respondent's answers. Ctrl+S or Ctrl+Enter saves; a refused
    save keeps everything typed and marks what is wrong."""

    def __init__(self, controller, questionnaire, detail=None, parent=None, *,
                 activity_id=None, member=None, contact_id=None) -> None:
        """`activity_id`: the activity the answers evaluate; `member` (id, name) and
        `contact_id` start new answers for a known respondent (a participant)."""
        super().__init__(parent)
        self.controller = controller
        self.questionnaire = questionnaire
        self.detail = detail
        self.activity_id = detail.activity_id if detail is not None else activity_id
        self.preset = (member, contact_id)
        self.result_detail = None
        self.setWindowTitle(("Correct answers — " if detail else "New answers — ") + questionnaire.data.name)
        self.resize(720, 680)
        layout = QVBoxLayout(self)
        head = QFormLayout()
        self.member = MemberPicker(controller)
        self.contact = QComboBox()
        self.respondent = QLineEdit()
        self.respondent.setPlaceholderText("Only when the respondent is not a member's contact")
        self.answered_on = DateField(today=controller.today)
        self.source = QComboBox()
        for value, label in AnswerSource.choices():
            self.source.addItem(label, value)
        head.addRow("&Member:", self.member)
        head.addRow("&Contact:", self.contact)
        head.addRow("&Respondent:", self.respondent)
        dates = QHBoxLayout()
        dates.addWidget(self.answered_on)
        dates.addWidget(QLabel("&How:", buddy=self.source))
        dates.addWidget(self.source)
        head.addRow(QLabel("&Date:", buddy=self.answered_on), dates)
        self.campaign = QComboBox()
        self.campaign.setToolTip("The visit or phone campaign the answers were given in; they "
                                 "count in its results")
        self.campaign.addItem("No campaign", None)
        for campaign_id, name in survey_results.campaigns_asking(controller.ctx, questionnaire.id):
            self.campaign.addItem(name, campaign_id)
        head.addRow("Cam&paign:", self.campaign)
        layout.addLayout(head)
        self.answer_area = AnswerArea()
        self.answer_area.set_questions(questionnaire.data.questions)
        self.form = self.answer_area.form
        layout.addWidget(self.answer_area, 1)
        self.errors = error_label()
        layout.addWidget(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("Save the answers (Ctrl+S, Ctrl+Enter)")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            QShortcut(keys, self, self.save)
        self.member.member_changed.connect(self._member_changed)
        self._load()

    def _load(self) -> None:
        d = self.detail
        if d is None:
            self.answered_on.set_date(self.controller.today())
            member, contact_id = self.preset
            if member is None:
                self._member_changed(None)
                return
            self.member.set_member(*member)  # fills the contacts (and earlier answers)
            if contact_id is not None:
                self._select_contact(contact_id)
            return
        self.member.set_member(d.member_id, d.member_name)
        self._select_contact(d.contact_id)
        self.respondent.setText(d.respondent)
        self.answered_on.set_date(d.answered_on)
        self.source.setCurrentIndex(max(0, self.source.findData(d.source)))
        if d.campaign_id is not None and find_data(self.campaign, d.campaign_id) < 0:
            self.campaign.addItem(f"{d.campaign_name} (in the bin)", d.campaign_id)
        self.campaign.setCurrentIndex(max(0, find_data(self.campaign, d.campaign_id)))
        self.answer_area.set_values(d.answers)

    def _member_changed(self, member_id) -> None:
        self.contact.clear()
        self.contact.addItem("(no one named)", None)
        orientation, earlier = "", None
        if member_id is not None:
            ctx = self.controller.ctx
            for choice in answer_service.member_contacts(ctx, member_id):
                self.contact.addItem(choice.label, choice.id)
            if self.contact.count() > 1:
                self.contact.setCurrentIndex(1)
            orientation = member_service.get_member(ctx, member_id).data.international_orientation
            earlier = answer_service.earlier_answers(
                ctx, self.questionnaire.id, member_id, exclude=self.detail.id if self.detail else None)
        self.answer_area.set_member(orientation, earlier)
        if earlier is not None and self.detail is None and self.questionnaire.data.prefill \
                and not self.form.has_answers():
            self.answer_area.use_earlier()

    def _select_contact(self, contact_id) -> None:
        index = find_data(self.contact, contact_id) if contact_id else 0
        self.contact.setCurrentIndex(max(0, index))

    def save(self) -> None:
        clear_field_errors({"m": self.member, "c": self.contact, "d": self.answered_on,
                            "s": self.source, "p": self.campaign}, self.errors)
        self.form.clear_errors()
        errors: dict[str, str] = {}
        try:
            answered_on = self.answered_on.date()
        except DateParseError as exc:
            errors["answered_on"], answered_on = str(exc), None
        try:
            values = self.form.values()
        except ValidationError as exc:
            errors.update(exc.errors)
            values = {}
        if self.member.text().strip() and self.member.member_id is None:
            errors["member"] = f"No member is called “{self.member.text().strip()}”; pick one from the list."
        try:
            if errors:
                raise ValidationError(errors)
            data = answer_service.AnswerSetInput(
                self.questionnaire.id, self.member.member_id, self.contact.currentData(),
                self.respondent.text(), answered_on, self.source.currentData(), values,
                self.answer_area.orientation_confirmed(),
                self.detail.version if self.detail else 0, self.activity_id,
                self.campaign.currentData())
            result = self.controller.run_op(self, "Save answers", answer_service.save_answer_set, data,
                                            self.detail.id if self.detail else None)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        if result is None:
            return
        self.result_detail = result[0]
        self.accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        fields = {"member": self.member, "contact": self.contact, "answered_on": self.answered_on,
                  "source": self.source, "campaign": self.campaign}
        first = show_field_errors(fields, errors, self.errors,
                                  {"member": "Member", "contact": "Contact", "answered_on": "Date",
                                   "source": "How", "campaign": "Campaign"})
        question = self.form.show_errors(errors)
        if first is None:
            # Nothing answered: the cursor goes to the first question.
            question = question or (self.form.first_field() if "answers" in errors else None)
            if question is not None:
                question.setFocus()


class AnswerSetsPanel(QWidget):
    """The answer sets of the selected questionnaire, with new / correct / delete / export."""

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.questionnaire = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.model = RowTableModel(ANSWER_COLUMNS, parent=self)
        self.view, self.proxy = sorted_table(self.model, ANSWER_COLUMNS, order=Qt.SortOrder.DescendingOrder,
                                             stretch=1, parent=self)
        self.view.activated.connect(lambda _i: self.edit_answers())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        row.addWidget(self.count, 1)
        self.new_button = QPushButton("&New answers…")
        self.new_button.setToolTip("Fill in the questionnaire on behalf of a member (Alt+N)")
        self.new_button.clicked.connect(self.new_answers)
        self.edit_button = QPushButton("Co&rrect…")
        self.edit_button.setToolTip("Open the selected answers to correct them (Enter)")
        self.edit_button.clicked.connect(self.edit_answers)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Move the selected answers to the bin (Delete)")
        self.delete_button.clicked.connect(self.delete_answers)
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        layout.addLayout(row)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_answers)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    def show_questionnaire(self, questionnaire) -> None:
        self.questionnaire = questionnaire
        self.refresh()

    def refresh(self) -> None:
        q = self.questionnaire
        rows = answer_service.list_answer_sets(self.controller.ctx, q.id) if q else []
        self.model.set_rows(rows)
        self.count.setText(f"{len(rows)} answer set{'s' if len(rows) != 1 else ''}" if q else "")
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setEnabled(q is not None and (button is self.new_button or bool(rows)))

    def selected(self):
        return row_at(self.view)

    def new_answers(self) -> None:
        if self.questionnaire is None:
            return
        current = surveys.get_questionnaire(self.controller.ctx, surveys.current_revision_id(
            self.controller.ctx, self.questionnaire.id))
        AnswerSetDialog(self.controller, current, parent=self).exec()

    def edit_answers(self) -> None:
        row = self.selected()
        if row is None:
            return
        detail = answer_service.get_answer_set(self.controller.ctx, row.id)
        questionnaire = surveys.get_questionnaire(self.controller.ctx, detail.questionnaire_id)
        AnswerSetDialog(self.controller, questionnaire, detail, parent=self).exec()

    def delete_answers(self) -> None:
        row = self.selected()
        if row is None:
            return
        if confirm(self, "Delete answers", f"Move the answers of {row.who} from "
                   f"{format_date(row.answered_on)} to the bin?", "Delete"):
            self.controller.run_op(self, "Delete answers", answer_service.delete_answer_set, row.id)
