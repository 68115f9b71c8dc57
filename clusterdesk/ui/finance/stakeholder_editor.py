"""The stakeholder editor: who they are, their influence and interest (and so how to deal with
them), the relationship, what they offer our target groups, the targets agreed with them
(§2.3: agreed targets make cooperation smoother) and the people there."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
)

from ...domain.enums import StakeholderKind, StakeholderRelationship
from ...domain.stakeholders import SCALE, quadrant
from ...services import stakeholders as stakeholder_service
from ..common.editable_rows import EditColumn
from ..common.form_editor import FormEditor
from ..common.forms import (
    CountryField,
    add_row,
    enum_combo,
    find_data,
    refuse_with_everything,
    scrolled_form,
    select_data,
    text_box,
)
from ..common.rows_table import RowsTable

SCORE_WORDS = {1: "very low", 2: "low", 3: "medium", 4: "high", 5: "very high"}
CONTACT_COLUMNS = (
    EditColumn("name", "Name", 110),
    EditColumn("role", "Role", 95),
    EditColumn("email", "Email", 140),
    EditColumn("phone", "Phone", 0, "With the country code when abroad, e.g. +49 40 1234567"),
)


def score_combo(tooltip: str) -> QComboBox:
    combo = QComboBox()
    for score in SCALE:
        combo.addItem(f"{score} – {SCORE_WORDS[score]}", score)
    combo.setToolTip(tooltip)
    return combo


class StakeholderEditor(FormEditor):
    noun = "stakeholder"
    services = (stakeholder_service.create_stakeholder, stakeholder_service.update_stakeholder,
                stakeholder_service.get_stakeholder)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        scroll, form = scrolled_form()
        self.name = self.watch("name", QLineEdit(), "Name")
        self.kind = self.watch("kind", enum_combo(StakeholderKind), "Type")
        self.country = self.watch("country", CountryField(), "Country")
        for combo in (self.kind, self.country):  # long choices must not widen the form
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.website = self.watch("website", QLineEdit(), "Website")
        self.influence = self.watch("influence", score_combo("How much they can help or hinder the "
                                                             "international work (power)"), "Influence")
        self.interest = self.watch("interest", score_combo("How much the cluster's international work "
                                                           "matters to them"), "Interest")
        self.approach = QLabel()
        self.approach.setWordWrap(True)
        self.relation = self.watch("relation", enum_combo(StakeholderRelationship), "Relationship")
        self.offers = self.watch("offers", text_box(44), "Offers")
        self.offers.setPlaceholderText("international activities they offer our target groups")
        self.targets = self.watch("targets", text_box(56), "Agreed targets")
        self.targets.setPlaceholderText("what was agreed, with numbers and dates where possible")
        self.contacts = RowsTable(CONTACT_COLUMNS, noun="person", height=74)
        self.contacts.view.setMaximumHeight(120)
        self.watch("contacts", self.contacts.view, "People")
        self.contacts.changed.connect(self._changed)
        self.notes = self.watch("notes", text_box(44), "Notes")
        add_row(form, "Na&me:", self.name)
        add_row(form, "T&ype:", self.kind, "&Country:", self.country)
        add_row(form, "&Website:", self.website)
        add_row(form, "&Influence:", self.influence, "In&terest:", self.interest)
        form.addRow("Approach:", self.approach)
        add_row(form, "Re&lationship:", self.relation)
        add_row(form, "&Offers:", self.offers)
        add_row(form, "A&greed targets:", self.targets)
        add_row(form, "&People:", self.contacts)
        add_row(form, "Notes:", self.notes)
        self.finish_layout(scroll)
        for combo in (self.influence, self.interest):
            combo.currentIndexChanged.connect(self._show_approach)

    def _show_approach(self, *_args) -> None:
        where = quadrant(self.influence.currentData() or 3, self.interest.currentData() or 3)
        self.approach.setText(f"<b>{where.label}</b> — {where.advice}")

    def fill(self, detail) -> None:
        data = detail.data if detail else stakeholder_service.StakeholderInput("")
        self.title.setText("New stakeholder" if detail is None else
                           data.name + ("  (in the bin)" if detail.deleted else ""))
        self.name.setText(data.name)
        select_data(self.kind, data.kind)
        self.country.set_code(data.country)
        self.website.setText(data.website)
        self.influence.setCurrentIndex(find_data(self.influence, data.influence))
        self.interest.setCurrentIndex(find_data(self.interest, data.interest))
        select_data(self.relation, data.relation)
        self.offers.setPlainText(data.offers)
        self.targets.setPlainText(data.targets)
        self.notes.setPlainText(data.notes)
        self.contacts.set_rows([{"id": c.id, "name": c.name, "role": c.role, "email": c.email,
                                 "phone": c.phone} for c in data.contacts])
        self._show_approach()

    def collect(self) -> stakeholder_service.StakeholderInput:
        errors = {}
        try:
            country = self.country.code()
        except ValueError as exc:
            errors["country"], country = str(exc), None
        contacts = tuple(stakeholder_service.StakeholderContactInput(
            r.get("name", ""), r.get("role", ""), r.get("email", ""), r.get("phone", ""), r.get("id"))
            for r in self.contacts.rows())
        data = stakeholder_service.StakeholderInput(
            self.name.text(), self.kind.currentData(), country, self.website.text(),
            self.influence.currentData(), self.interest.currentData(), self.relation.currentData(),
            self.offers.toPlainText(), self.targets.toPlainText(), self.notes.toPlainText(), contacts,
            self.version)
        refuse_with_everything(errors, lambda: stakeholder_service.validate_stakeholder(data))
        return data

