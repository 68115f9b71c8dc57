"""Add or edit a contact person with its consent records. A refused save keeps the dialog
open with everything typed, the refused fields marked and the reason beside them."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateParseError
from ...domain.validation import InvalidValue, normalise_email
from ...services import contacts as contact_service
from ..common.forms import (
    DateField,
    LanguageField,
    PhoneField,
    attach_message,
    error_label,
    mark_invalid,
    refuse_with_everything,
    with_message,
)
from ..common.record_dialog import RecordDialog

DEFAULT_PURPOSE = "Newsletter and invitations to cluster activities"


class ConsentRow:
    """One consent record as a row of fields: purpose, given on, source, withdrawn on."""

    def __init__(self, dialog: ContactDialog, consent: contact_service.ConsentInput | None) -> None:
        today = dialog.controller.today
        self.id = consent.id if consent else None
        self.purpose = QLineEdit(consent.purpose if consent else DEFAULT_PURPOSE)
        self.purpose.setToolTip("What the person agreed to")
        self.given_on = DateField(today=today)
        self.given_on.set_date(consent.given_on if consent else today())
        self.source = QLineEdit(consent.source if consent else "")
        self.source.setPlaceholderText("e.g. membership form, phone")
        self.withdrawn_on = DateField(today=today)
        self.withdrawn_on.set_date(consent.withdrawn_on if consent else None)
        self.withdrawn_on.setPlaceholderText("not withdrawn")
        self.purpose.setCursorPosition(0)
        self.remove = QPushButton("✕")
        self.remove.setToolTip("Remove this consent record (kept in the history)")
        self.remove.setFixedWidth(28)
        self.fields = (self.purpose, self.given_on, self.source, self.withdrawn_on)
        self.message = error_label()
        for field in self.fields:
            attach_message(field, self.message)

    def value(self, errors: dict[str, str], number: int) -> contact_service.ConsentInput:
        given = withdrawn = None
        try:
            given = self.given_on.date()
        except DateParseError as exc:
            errors[f"consent {number}"] = f"given on: {exc}"
            mark_invalid(self.given_on, str(exc))
        try:
            withdrawn = self.withdrawn_on.date()
        except DateParseError as exc:
            errors[f"consent {number}"] = f"withdrawn on: {exc}"
            mark_invalid(self.withdrawn_on, str(exc))
        return contact_service.ConsentInput(self.purpose.text(), given, self.source.text(),
                                            withdrawn, self.id)


class ContactDialog(RecordDialog):
    noun = "contact"

    def __init__(self, controller, member_id: uuid.UUID, member_name: str,
                 member_country: str | None, detail: contact_service.ContactDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.member_id = member_id
        self.member_country = member_country
        self.record_id = detail.id if detail else None
        self.version = detail.data.version if detail else 0
        self.setWindowTitle(f"{'Edit' if detail else 'New'} contact — {member_name}")
        self.setMinimumWidth(620)

        outer = QVBoxLayout(self)
        outer.addWidget(self.errors)
        form = QFormLayout()
        self.name = QLineEdit()
        self.role = QLineEdit()
        self.role.setPlaceholderText("e.g. CEO, Export manager")
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@firma.dk")
        self.email.editingFinished.connect(self._check_email)
        self.phone_hint = QLabel()
        self.phone_hint.setProperty("role", "hint")
        self.phone = PhoneField(self.phone_hint, lambda: self.member_country)
        self.phone.setProperty("normal_tooltip", "Without a country code, the member's country "
                                                 f"({member_country or 'none set'}) is assumed")
        self.phone.setToolTip(self.phone.property("normal_tooltip"))
        self.language = LanguageField()
        self.primary = QCheckBox("&Primary contact of the member")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(56)
        self.fields = {
            "name": self.name, "role": self.role, "email": self.email, "phone": self.phone,
            "language": self.language, "is_primary": self.primary, "notes": self.notes}
        self.labels = {"name": "Name", "role": "Role", "email": "Email", "phone": "Phone",
                       "language": "Language", "notes": "Notes"}
        form.addRow("&Name:", with_message(self.name))
        form.addRow("&Role:", self.role)
        form.addRow("&Email:", with_message(self.email))
        form.addRow("P&hone:", with_message(self.phone, beside=self.phone_hint))
        form.addRow("&Language:", with_message(self.language))
        form.addRow("", self.primary)
        form.addRow("N&otes:", self.notes)
        outer.addLayout(form)

        consent_head = QHBoxLayout()
        heading = QLabel("Consent records")
        heading.setProperty("role", "subheading")
        consent_head.addWidget(heading, 1)
        self.add_consent_button = QPushButton("&Add consent")
        self.add_consent_button.setToolTip("Record a consent this person gave (Alt+A)")
        self.add_consent_button.clicked.connect(lambda: self.add_consent(focus=True))
        consent_head.addWidget(self.add_consent_button)
        outer.addLayout(consent_head)
        self.consent_grid = QGridLayout()
        for column, title in enumerate(("Purpose", "Given on", "Source", "Withdrawn on")):
            label = QLabel(title)
            label.setProperty("role", "hint")
            self.consent_grid.addWidget(label, 0, column)
        self.consent_grid.setColumnStretch(0, 3)
        self.consent_grid.setColumnStretch(2, 2)
        outer.addLayout(self.consent_grid)
        self.no_consents = QLabel("No consent recorded.")
        self.no_consents.setProperty("role", "hint")
        outer.addWidget(self.no_consents)
        self.consent_rows: list[ConsentRow] = []
        self._next_line = 1

        data = detail.data if detail else contact_service.ContactInput(name="")
        self.name.setText(data.name)
        self.role.setText(data.role)
        self.email.setText(data.email)
        self.phone.setText(data.phone)
        self.language.set_code(data.language)
        self.primary.setChecked(data.is_primary)
        self.notes.setPlainText(data.notes)
        for consent in data.consents:
            self.add_consent(consent)
        self._update_consent_hint()
        self.add_buttons(outer)
        self.name.setFocus()

    # --- consent rows --------------------------------------------------------------------

    def add_consent(self, consent: contact_service.ConsentInput | None = None, *,
                    focus: bool = False) -> ConsentRow:
        row = ConsentRow(self, consent)
        line = self._next_line  # a line of fields, then a line for its message
        self._next_line += 2
        for column, widget in enumerate((*row.fields, row.remove)):
            self.consent_grid.addWidget(widget, line, column)
        self.consent_grid.addWidget(row.message, line + 1, 0, 1, 5)
        row.remove.clicked.connect(lambda: self.remove_consent(row))
        self.consent_rows.append(row)
        self._update_consent_hint()
        if focus:
            # A layout shows new children later; show them now so the focus can land.
            for widget in (*row.fields, row.remove):
                widget.show()
            row.purpose.setFocus()
            row.purpose.selectAll()
        return row

    def remove_consent(self, row: ConsentRow) -> None:
        for widget in (*row.fields, row.remove, row.message):
            self.consent_grid.removeWidget(widget)
            widget.deleteLater()
        self.consent_rows.remove(row)
        self._update_consent_hint()
        # Later rows keep their grid lines (new rows go below them); empty lines take no space.

    def _update_consent_hint(self) -> None:
        self.no_consents.setVisible(not self.consent_rows)

    # --- checks while typing -------------------------------------------------------------

    def _check_email(self) -> None:
        try:
            normalise_email(self.email.text())
        except InvalidValue as exc:
            mark_invalid(self.email, str(exc))
            return
        mark_invalid(self.email, None)

    # --- save ----------------------------------------------------------------------------

    def collect(self) -> contact_service.ContactInput:
        errors: dict[str, str] = {}
        consents = tuple(row.value(errors, n) for n, row in enumerate(self.consent_rows, start=1))
        data = contact_service.ContactInput(
            name=self.name.text(), role=self.role.text(), email=self.email.text(),
            phone=self.phone.text(), language=self.language.text(),
            is_primary=self.primary.isChecked(), notes=self.notes.toPlainText(),
            consents=consents, version=self.version)
        refuse_with_everything(errors, lambda: contact_service.validate_contact(
            data, self.member_country))
        return data

    def write(self, data: contact_service.ContactInput):
        if self.record_id is None:
            return self.controller.run_op(self, "Save contact", contact_service.create_contact,
                                          self.member_id, data)
        return self.controller.run_op(self, "Save contact", contact_service.update_contact,
                                      self.record_id, data)

    def clear_errors(self) -> None:
        super().clear_errors()
        for row in self.consent_rows:
            for widget in row.fields:
                mark_invalid(widget, None)

    def mark_other_errors(self, errors: dict[str, str]) -> QWidget | None:
        """'consent 2' errors go to the second consent row: the field they are about."""
        first = None
        for key, message in errors.items():
            if not key.startswith("consent "):
                continue
            number = int(key.split()[1])
            if 0 < number <= len(self.consent_rows):
                row = self.consent_rows[number - 1]
                widget = next((w for w in row.fields if w.property("invalid")), row.purpose)
                mark_invalid(widget, message)
                first = first or widget
        return first

    def snapshot(self) -> tuple:
        return (self.name.text(), self.role.text(), self.email.text(), self.phone.text(),
                self.language.currentText(), self.primary.isChecked(), self.notes.toPlainText(),
                tuple(tuple(w.text() for w in row.fields) for row in self.consent_rows))
