"""The partnership editor: what the meta-cluster is, our role in it, the period, the partners
abroad in it (ticked from Missions ▸ Partners), its purpose and what our members get from it —
and, on its second tab, the joint agenda: dated points with an owner and a status."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from ...domain.dates import DateParseError, parse_date
from ...domain.enums import TrustStage
from ...domain.formatting import format_date
from ...domain.network import AgendaKind, AgendaStatus, OurRole, PartnershipKind
from ...services import partners as partner_service
from ...services import partnerships as service
from ..common.editable_rows import EditColumn
from ..common.form_editor import FormEditor
from ..common.forms import (
    DateField,
    add_row,
    entry_text,
    enum_combo,
    refuse_with_everything,
    scrolled_form,
    select_data,
    text_box,
)
from ..common.rows_table import RowsTable
from ..common.table_view import stretch_column
from ..common.tick_list import TickList
from .widgets import compact

AGENDA_COLUMNS = (
    EditColumn("due", "Date", 80, "Day first, e.g. 15-01-2027; +14 for two weeks from today"),
    EditColumn("text", "What", 200),
    EditColumn("kind", "Kind", 100, choices=tuple(AgendaKind.choices())),
    EditColumn("owner", "Owner", 110, "Who in the secretariat sees to it"),
    EditColumn("status", "Status", 80, choices=tuple(AgendaStatus.choices())),
    EditColumn("done", "Done", 100, "Who marked it done, and on which day", editable=False),
    EditColumn("note", "Note", 110),
)


def stamp(who: str, when) -> str:
    """'MK, 1 May 2026' for 'Mette Kjær (MK)': who ticked something, short enough for a column."""
    if when is None:
        return ""
    initials = re.search(r"\(([^()]+)\)\s*$", who)
    return f"{initials.group(1) if initials else who}, {format_date(when.date())}"


class PartnershipEditor(FormEditor):
    noun = "partnership"
    services = (service.create_partnership, service.update_partnership, service.get_partnership)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        scroll, form = scrolled_form()
        today = controller.today
        self.name = self.watch("name", QLineEdit(), "Name")
        self.kind = self.watch("kind", compact(enum_combo(PartnershipKind)), "Kind")
        self.role = self.watch("our_role", compact(enum_combo(OurRole)), "Our role")
        self.starts_on = self.watch("starts_on", DateField(today=today), "From")
        self.ends_on = self.watch("ends_on", DateField(today=today), "Until")
        self.ends_on.setPlaceholderText("open-ended")
        self.website = self.watch("website", QLineEdit(), "Website")
        self.partners = TickList("Filter the partners abroad…", height=140)
        self.partners.noun = "in it"
        self.partners.view.setToolTip("Tick the partners abroad in this partnership (Space ticks the "
                                      "selected one); a partner can be in several")
        self.watch("partner_ids", self.partners.view, "Partners")
        self.partners.changed.connect(self._changed)
        self.purpose = self.watch("purpose", text_box(64, "the joint strategy, the markets, the aim"), "Purpose")
        self.benefits = self.watch("member_benefits", text_box(56, "e.g. a passport to the other clusters' "
                                                                   "services, places on joint missions"),
                                   "What members get")
        self.notes = self.watch("notes", text_box(44), "Notes")
        add_row(form, "N&ame:", self.name)
        add_row(form, "&Kind:", self.kind, "Our ro&le:", self.role)
        add_row(form, "Fro&m:", self.starts_on, "&Until:", self.ends_on)
        add_row(form, "&Website:", self.website)
        add_row(form, "&Partners:", self.partners)
        add_row(form, "Purp&ose:", self.purpose)
        add_row(form, "What members &get:", self.benefits)
        add_row(form, "No&tes:", self.notes)
        self.tabs.addTab(scroll, "Partnership")

        agenda = QWidget()
        column = QVBoxLayout(agenda)
        heading = QLabel("Joint agenda — joint actions, applications, events; open points show on Today")
        heading.setProperty("role", "subheading")
        heading.setWordWrap(True)
        column.addWidget(heading)
        self.agenda = RowsTable(AGENDA_COLUMNS, noun="point", height=160,
                                defaults={"kind": AgendaKind.JOINT_ACTION.value,
                                          "status": AgendaStatus.PLANNED.value})
        self.agenda.view.setWordWrap(False)  # cut long texts at the letter, not a whole word early
        stretch_column(self.agenda.view, 1)  # what is to be done
        self.watch("agenda", self.agenda.view, "Joint agenda")
        self.agenda.changed.connect(self._changed)
        self.agenda.changed.connect(self._count_points)
        column.addWidget(self.agenda, 1)
        self.tabs.addTab(agenda, "Joint agenda")
        self.finish_layout(self.tabs)

    def reveal(self, widget: QWidget) -> None:
        self.tabs.setCurrentIndex(1 if widget is self.agenda.view else 0)

    def _count_points(self) -> None:
        rows = [r for r in self.agenda.rows() if str(r.get("text", "")).strip()]
        still_open = sum(1 for r in rows if r.get("status") in (AgendaStatus.PLANNED.value,
                                                                AgendaStatus.IN_PROGRESS.value))
        self.tabs.setTabText(1, f"Joint agenda ({still_open} open)" if rows else "Joint agenda")

    def _fill_partners(self) -> None:
        ctx = self.controller.ctx
        rows = partner_service.list_partners(ctx) if ctx is not None else []
        self.partners.set_choices([(r.id, f"{r.name} ({r.country or '?'}, {TrustStage(r.trust_stage).label.lower()})")
                                   for r in rows])

    def fill(self, detail) -> None:
        self._fill_partners()
        data = detail.data if detail else service.PartnershipInput("")
        self.title.setText("New partnership" if detail is None else
                           data.name + ("  (in the bin)" if detail.deleted else ""))
        self.name.setText(data.name)
        select_data(self.kind, data.kind)
        select_data(self.role, data.our_role)
        self.starts_on.set_date(data.starts_on)
        self.ends_on.set_date(data.ends_on)
        self.website.setText(data.website)
        self.partners.filter.clear()
        self.partners.set_checked(data.partner_ids)
        self.purpose.setPlainText(data.purpose)
        self.benefits.setPlainText(data.member_benefits)
        self.notes.setPlainText(data.notes)
        points = detail.agenda if detail else ()
        self.agenda.set_rows([{"id": p.id, "due": entry_text(p.due_on), "text": p.text, "kind": p.kind,
                               "owner": p.owner, "status": p.status, "note": p.note,
                               "done": stamp(p.done_by, p.done_at)}
                              for p in points])
        self._count_points()

    def _read_agenda(self, errors: dict[str, str]) -> tuple[service.AgendaInput, ...]:
        points, problems = [], []
        for number, row in enumerate(self.agenda.rows(), start=1):
            try:
                due = parse_date(str(row.get("due", "")), self.controller.today())
            except DateParseError as exc:
                problems.append(f"row {number}, date: {exc}")
                due = None
            points.append(service.AgendaInput(
                str(row.get("text", "")), due, row.get("kind") or AgendaKind.JOINT_ACTION.value,
                str(row.get("owner", "")), row.get("status") or AgendaStatus.PLANNED.value,
                str(row.get("note", "")), row.get("id")))
        if problems:
            errors["agenda"] = "; ".join(problems)
        return tuple(points)

    def collect(self) -> service.PartnershipInput:
        errors: dict[str, str] = {}
        values = {}
        for key, read in (("starts_on", self.starts_on.date), ("ends_on", self.ends_on.date)):
            try:
                values[key] = read()
            except DateParseError as exc:
                errors[key], values[key] = str(exc), None
        agenda = self._read_agenda(errors)
        data = service.PartnershipInput(
            name=self.name.text(), kind=self.kind.currentData(), our_role=self.role.currentData(),
            website=self.website.text(), purpose=self.purpose.toPlainText(),
            member_benefits=self.benefits.toPlainText(), notes=self.notes.toPlainText(),
            partner_ids=self.partners.checked(), agenda=agenda, version=self.version, **values)
        refuse_with_everything(errors, lambda: service.validate_partnership(data))
        return data
