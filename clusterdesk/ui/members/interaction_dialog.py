"""Log (or edit) a visit, call, meeting, email or event in a few keystrokes: the kind by its
first letter, the date already today, the staff member already the person at the keyboard,
the primary contact already chosen; a follow-up date ('+14') becomes a task on Today."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateParseError
from ...domain.enums import InteractionKind
from ...domain.formatting import format_date
from ...services import interactions as interaction_service
from ...services.contacts import ContactRow
from ..common.forms import DateField, refuse_with_everything, text_box, with_message
from ..common.record_dialog import RecordDialog

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class InteractionDialog(RecordDialog):
    noun = "interaction"

    def __init__(self, controller, member_id: uuid.UUID, member_name: str,
                 contacts: list[ContactRow], staff: list[str],
                 row: interaction_service.InteractionRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.member_id = member_id
        self.record_id = row.id if row else None
        self.version = row.version if row else 0
        self.setWindowTitle(f"{'Edit interaction' if row else 'Log interaction'} — {member_name}")
        self.setMinimumWidth(600)

        outer = QVBoxLayout(self)
        outer.addWidget(self.errors)
        form = QFormLayout()
        self.kind = QComboBox()
        for value, label in InteractionKind.choices():
            self.kind.addItem(label, value)
        self.kind.setToolTip("Type the first letter: V(isit), P(hone call), M(eeting), E(mail, event)")
        self.occurred_on = DateField(today=controller.today)
        self.occurred_on.setMaximumWidth(150)
        top = QWidget()
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.addWidget(self.kind, 1)
        date_label = QLabel("&Date:")
        date_label.setBuddy(self.occurred_on)
        top_row.addWidget(date_label, 0, Qt.AlignmentFlag.AlignTop)
        top_row.addWidget(with_message(self.occurred_on), 0, Qt.AlignmentFlag.AlignTop)
        top.setFocusProxy(self.kind)
        self.contact = QComboBox()
        self.contact.addItem("(no one in particular)", None)
        for contact in contacts:
            label = ("★ " if contact.is_primary else "") + contact.name
            self.contact.addItem(label + (f" — {contact.role}" if contact.role else ""), contact.id)
        self.attendees = QLineEdit()
        self.attendees.setPlaceholderText("Others who took part, separated by commas")
        names = QCompleter(QStringListModel([c.name for c in contacts], self), self)
        names.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.attendees.setCompleter(names)
        self.summary = text_box(64, "What happened, in a sentence or two")
        self.needs = text_box(52, "What the member needs (partners, markets, funding, advice…)")
        self.next_step = QLineEdit()
        self.next_step.setPlaceholderText("e.g. Send the market report on Germany")
        self.follow_up_on = DateField(today=controller.today)
        self.follow_up_on.setPlaceholderText("e.g. +14, 15-01-2027; empty = no task")
        self.follow_up_on.setMaximumWidth(220)
        self.follow_up_on.textChanged.connect(self._explain_follow_up)
        self.follow_up_hint = QLabel()
        self.follow_up_hint.setProperty("role", "hint")
        self.follow_up_done = QCheckBox("Do&ne")
        self.follow_up_done.setToolTip("The follow-up has been done")
        beside = QWidget()
        beside_row = QHBoxLayout(beside)
        beside_row.setContentsMargins(0, 0, 0, 0)
        beside_row.addWidget(self.follow_up_hint, 1)
        beside_row.addWidget(self.follow_up_done)
        follow = with_message(self.follow_up_on, beside=beside)
        self.staff = QComboBox()
        self.staff.setEditable(True)
        self.staff.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        actor = controller.prefs.actor
        for name in dict.fromkeys([actor, *staff]):
            if name:
                self.staff.addItem(name)
        self.labels = {"occurred_on": "Date", "follow_up_on": "Follow-up on", "contact_id": "Contact"}
        self.fields = {
            "kind": self.kind, "occurred_on": self.occurred_on, "contact_id": self.contact,
            "attendees": self.attendees, "summary": self.summary, "needs": self.needs,
            "next_step": self.next_step, "follow_up_on": self.follow_up_on, "staff": self.staff}
        form.addRow("&Kind:", top)
        form.addRow("&Contact:", with_message(self.contact))
        form.addRow("&Attendees:", self.attendees)
        form.addRow("&Summary:", self.summary)
        form.addRow("Nee&ds:", self.needs)
        form.addRow("Ne&xt step:", self.next_step)
        form.addRow("&Follow-up on:", follow)
        form.addRow("S&taff:", with_message(self.staff))
        outer.addLayout(form)

        if row is None:
            self.occurred_on.set_date(controller.today())
            primary = next((c for c in contacts if c.is_primary), None)
            self.contact.setCurrentIndex(max(0, self.contact.findData(primary.id if primary else None)))
            self.staff.setCurrentIndex(0)
            self.follow_up_done.setEnabled(False)
        else:
            self._load(row)
        self.add_buttons(outer, SAVE_KEYS)
        self.kind.setFocus()

    def _load(self, row: interaction_service.InteractionRow) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        self.occurred_on.set_date(row.occurred_on)
        index = self.contact.findData(row.contact_id)
        if index < 0 and row.contact_id is not None:  # a contact since moved to the bin
            self.contact.addItem(row.contact_name or "(deleted contact)", row.contact_id)
            index = self.contact.count() - 1
        self.contact.setCurrentIndex(max(0, index))
        self.attendees.setText(row.attendees)
        self.summary.setPlainText(row.summary)
        self.needs.setPlainText(row.needs)
        self.next_step.setText(row.next_step)
        self.follow_up_on.set_date(row.follow_up_on)
        self.follow_up_done.setChecked(row.follow_up_done_at is not None)
        if row.follow_up_done_at is not None:
            self.follow_up_done.setToolTip(
                f"Done by {row.follow_up_done_by or 'someone'} on {format_date(row.follow_up_done_at)}")
        if self.staff.findText(row.staff) < 0:
            self.staff.addItem(row.staff)
        self.staff.setCurrentText(row.staff)

    def _explain_follow_up(self, _text: str) -> None:
        try:
            when = self.follow_up_on.date()
        except DateParseError:
            self.follow_up_hint.setText("")
            return
        self.follow_up_hint.setText(f"→ {format_date(when, style='full')} (a task on Today)"
                                    if when else "")
        self.follow_up_done.setEnabled(when is not None and self.record_id is not None)

    # --- save ----------------------------------------------------------------------------

    def collect(self) -> interaction_service.InteractionInput:
        errors: dict[str, str] = {}
        dates = {}
        for key, field in (("occurred_on", self.occurred_on), ("follow_up_on", self.follow_up_on)):
            try:
                dates[key] = field.date()
            except DateParseError as exc:
                errors[key], dates[key] = str(exc), None
        data = interaction_service.InteractionInput(
            kind=self.kind.currentData(), occurred_on=dates["occurred_on"],
            staff=self.staff.currentText(), contact_id=self.contact.currentData(),
            attendees=self.attendees.text(), summary=self.summary.toPlainText(),
            needs=self.needs.toPlainText(), next_step=self.next_step.text(),
            follow_up_on=dates["follow_up_on"],
            follow_up_done=self.follow_up_done.isChecked() and dates["follow_up_on"] is not None,
            version=self.version)
        refuse_with_everything(errors, lambda: interaction_service.validate_interaction(
            data, self.controller.today()))
        return data

    def write(self, data: interaction_service.InteractionInput):
        if self.record_id is None:
            return self.controller.run_op(self, "Log interaction", interaction_service.log_interaction,
                                          self.member_id, data)
        return self.controller.run_op(self, "Save interaction",
                                      interaction_service.update_interaction, self.record_id, data)

    def snapshot(self) -> tuple:
        return (self.kind.currentIndex(), self.occurred_on.text(), self.contact.currentIndex(),
                self.attendees.text(), self.summary.toPlainText(), self.needs.toPlainText(),
                self.next_step.text(), self.follow_up_on.text(), self.follow_up_done.isChecked(),
                self.staff.currentText())
