"""The partner editor: who they are, where, who drives them, their cluster label, how far the
trust has come, the joint history (typed, and the activities done together) and the people."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import ActivityKind, EceiLabel, PartnerDriver, PartnerKind, TrustStage
from ...domain.formatting import format_date
from ...services import partners as partner_service
from ...services.errors import ValidationError
from ..common.editable_rows import EditableRowsModel, EditColumn
from ..common.form_editor import FormEditor
from ..common.forms import CountryField, add_row, enum_combo, select_data

CONTACT_COLUMNS = (
    EditColumn("name", "Name", 115),
    EditColumn("role", "Role", 90),
    EditColumn("email", "Email", 145),
    EditColumn("phone", "Phone", 80),
)
NO_YEAR = partner_service.FIRST_ECEI_YEAR - 1  # shown as “—”: no label year


class PartnerEditor(FormEditor):
    noun = "partner"
    activity_clicked = Signal(object)  # activity id

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        form = QFormLayout(body)
        self.name = self.watch("name", QLineEdit(), "Name")
        self.kind = self.watch("kind", enum_combo(PartnerKind), "Kind")
        self.country = self.watch("country", CountryField(), "Country")
        self.city = self.watch("city", QLineEdit(), "City")
        self.website = self.watch("website", QLineEdit(), "Website")
        self.driven_by = self.watch("driven_by", enum_combo(PartnerDriver), "Driven by")
        self.driven_by.setToolTip("Clusters differ: some are driven by companies (e.g. in Catalonia), "
                                  "others by research (e.g. in France) — handbook §4.1")
        self.label = self.watch("ecei_label", enum_combo(EceiLabel), "Label")
        self.label.setToolTip("European Cluster Excellence Initiative label (handbook §4.1.1)")
        self.year = self.watch("ecei_year", QSpinBox(), "Label year")
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText("—")
        self.year.valueChanged.connect(self._changed)
        self.stage = self.watch("trust_stage", enum_combo(TrustStage), "Trust")
        self.stage.setToolTip("Test the cooperation on a small scale before the big projects (§4.1)")
        self.focus = self.watch("focus", QLineEdit(), "Focus")
        self.focus.setPlaceholderText("fields and technologies")
        self.history = self.watch("joint_history", QPlainTextEdit(), "Joint history")
        self.history.setTabChangesFocus(True)
        self.history.setFixedHeight(64)
        self.activities = QLabel()
        self.activities.setWordWrap(True)
        self.activities.setTextFormat(Qt.TextFormat.RichText)
        self.activities.linkActivated.connect(lambda href: self.activity_clicked.emit(href))
        self.notes = self.watch("notes", QPlainTextEdit(), "Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(48)
        add_row(form, "Na&me:", self.name)
        add_row(form, "&Kind:", self.kind, "Dr&iven by:", self.driven_by)
        add_row(form, "&City:", self.city, "Countr&y:", self.country)
        add_row(form, "&Website:", self.website)
        add_row(form, "&Label:", self.label, "Ye&ar:", self.year)
        add_row(form, "&Trust:", self.stage)
        add_row(form, "Foc&us:", self.focus)
        add_row(form, "&Joint history:", self.history)
        form.addRow("Together:", self.activities)

        self.contacts = EditableRowsModel(CONTACT_COLUMNS, self)
        self.contacts.changed.connect(self._changed)
        self.contact_view = QTableView()
        self.contact_view.setModel(self.contacts)
        self.contact_view.setFixedHeight(118)
        self.contact_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contact_view.horizontalHeader().setStretchLastSection(True)
        self.contact_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.contact_view.verticalHeader().setDefaultSectionSize(24)
        for i, column in enumerate(CONTACT_COLUMNS):
            self.contact_view.setColumnWidth(i, column.width)
        self.watch("contacts", self.contact_view, "Contacts")
        contacts_box = QWidget()
        box = QVBoxLayout(contacts_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.contact_view)
        buttons = QHBoxLayout()
        add = QPushButton("Add person")
        add.setToolTip("Add a row for a person (Insert in the table)")
        add.clicked.connect(self.add_contact)
        remove = QPushButton("Remove person")
        remove.setToolTip("Remove the selected person (Delete in the table)")
        remove.clicked.connect(self.remove_contact)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box.addLayout(buttons)
        add_row(form, "&People:", contacts_box)
        add_row(form, "N&otes:", self.notes)
        for key, slot in ((QKeySequence(Qt.Key.Key_Insert), self.add_contact),
                          (QKeySequence.StandardKey.Delete, self.remove_contact)):
            shortcut = QShortcut(key, self.contact_view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        scroll.setWidget(body)
        self.finish_layout(scroll)

    def add_contact(self) -> None:
        row = self.contacts.insert_row(self.contacts.rowCount())
        index = self.contacts.index(row, 0)
        self.contact_view.setCurrentIndex(index)
        self.contact_view.edit(index)

    def remove_contact(self) -> None:
        index = self.contact_view.currentIndex()
        if index.isValid():
            self.contacts.remove_row(index.row())

    def fill(self, detail) -> None:
        if detail is None:
            data = partner_service.PartnerInput(name="")
            self.title.setText("New partner")
            joint = ()
        else:
            data = detail.data
            self.title.setText(data.name + ("  (in the bin)" if detail.deleted else ""))
            joint = detail.activities
        self.name.setText(data.name)
        select_data(self.kind, data.kind)
        self.country.set_code(data.country)
        self.city.setText(data.city)
        self.website.setText(data.website)
        select_data(self.driven_by, data.driven_by)
        select_data(self.label, data.ecei_label)
        self.year.setValue(data.ecei_year or NO_YEAR)
        select_data(self.stage, data.trust_stage)
        self.focus.setText(data.focus)
        self.history.setPlainText(data.joint_history)
        self.notes.setPlainText(data.notes)
        self.contacts.set_rows([{"id": c.id, "name": c.name, "role": c.role, "email": c.email,
                                 "phone": c.phone, "notes": c.notes} for c in data.contacts])
        links = [f'<a href="{a.id}">{a.name}</a> ({ActivityKind(a.kind).label.lower()}, '
                 f'{format_date(a.starts_on)})' for a in joint]
        self.activities.setText("<br>".join(links) or "<i>No activities together yet.</i>")

    def collect(self) -> partner_service.PartnerInput:
        errors = {}
        try:
            country = self.country.code()
        except ValueError as exc:
            errors["country"], country = str(exc), None
        if errors:
            raise ValidationError(errors)
        contacts = tuple(partner_service.PartnerContactInput(
            r.get("name", ""), r.get("role", ""), r.get("email", ""), r.get("phone", ""),
            r.get("notes", ""), r.get("id")) for r in self.contacts.rows())
        return partner_service.PartnerInput(
            name=self.name.text(), kind=self.kind.currentData(), country=country, city=self.city.text(),
            website=self.website.text(), driven_by=self.driven_by.currentData(),
            ecei_label=self.label.currentData(), ecei_year=None if self.year.value() == NO_YEAR else self.year.value(),
            trust_stage=self.stage.currentData(), focus=self.focus.text(),
            joint_history=self.history.toPlainText(), notes=self.notes.toPlainText(),
            contacts=contacts, version=self.version)

    def write(self, data):
        if self.record_id is None:
            return self.controller.run_op(self, "Save partner", partner_service.create_partner, data)
        return self.controller.run_op(self, "Save partner", partner_service.update_partner,
                                      self.record_id, data)

    def reload(self):
        return partner_service.get_partner(self.controller.ctx, self.record_id)
