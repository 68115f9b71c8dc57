"""The partner-search request editor: which member asks, for what kind of partner, where, in
which field, what for and by when; who in the secretariat handles it and how it ended — and,
on its second tab, the candidates that fit (from Missions ▸ Partners and Finance ▸
Stakeholders) and what was proposed, sent and answered."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QTabWidget, QWidget

from ...domain.dates import DateParseError, parse_date
from ...domain.matching import Criteria
from ...domain.network import PartnerType, ProposalResponse, RequestStatus
from ...services import partner_requests as service
from ..common.form_editor import FormEditor
from ..common.forms import (
    CountryListField,
    DateField,
    add_row,
    entry_text,
    enum_combo,
    refuse_with_everything,
    scrolled_form,
    select_data,
    text_box,
    with_message,
)
from ..common.member_lookup import MemberLookup
from .candidates import CandidatesPanel
from .widgets import compact

CANDIDATES_TAB = 1


class RequestEditor(FormEditor):
    noun = "request"
    services = (service.create_request, service.update_request, service.get_request)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        scroll, form = scrolled_form()
        today = controller.today
        self.member = self.watch("member_id", MemberLookup(controller), "Member")
        self.member.setPlaceholderText("type part of the member's name and pick it")
        self._loaded_member: tuple = (None, "")
        self.partner_type = self.watch("partner_type", compact(enum_combo(PartnerType)), "Looks for")
        self.countries = self.watch("countries", CountryListField(), "Countries")
        self.countries.setPlaceholderText("e.g. Germany, Sverige; empty: anywhere")
        self.field = self.watch("field", QLineEdit(), "Field")
        self.field.setPlaceholderText("the field or technology, e.g. leak detection sensors")
        self.purpose = self.watch("purpose", text_box(48, "what the partner is for"), "What for")
        self.received_on = self.watch("received_on", DateField(today=today), "Came in")
        self.received_on.setPlaceholderText("today")
        self.deadline = self.watch("deadline", DateField(today=today), "Deadline")
        self.deadline.setPlaceholderText("none")
        self.owner = self.watch("owner", QLineEdit(), "Handled by")
        self.status = self.watch("status", compact(enum_combo(RequestStatus), 10), "Status")
        self.closed_on = self.watch("closed_on", DateField(today=today), "Closed")
        self.closed_on.setPlaceholderText("set by the status")
        self.result = self.watch("result_note", text_box(48, "what came of it"), "Result")
        add_row(form, "&Member:", with_message(self.member))
        add_row(form, "Loo&ks for:", self.partner_type, "&Countries:", self.countries)
        add_row(form, "F&ield:", self.field)
        add_row(form, "What f&or:", self.purpose)
        add_row(form, "C&ame in:", self.received_on, "Dead&line:", self.deadline)
        add_row(form, "Handled b&y:", self.owner)
        add_row(form, "Stat&us:", self.status, "Closed:", self.closed_on)
        add_row(form, "Resul&t:", self.result)
        self.tabs.addTab(scroll, "Request")

        self.candidates = CandidatesPanel(controller)
        self.watch("proposals", self.candidates.proposals.view, "Proposals")
        self.candidates.changed.connect(self._changed)
        self.candidates.proposals.changed.connect(self._count_proposals)
        self.tabs.addTab(self.candidates, "Candidates")
        self.finish_layout(self.tabs)

        self._rank_later = QTimer(self, singleShot=True, interval=250)
        self._rank_later.timeout.connect(self.rank_candidates)
        for signal in (self.field.textChanged, self.countries.textChanged,
                       self.partner_type.currentIndexChanged):
            signal.connect(lambda *_: self._rank_later.start())
        self.tabs.currentChanged.connect(lambda index: index == CANDIDATES_TAB and self.rank_candidates())

    def reveal(self, widget: QWidget) -> None:
        self.tabs.setCurrentIndex(CANDIDATES_TAB if widget is self.candidates.proposals.view else 0)

    # --- candidates ---------------------------------------------------------------------------------

    def criteria(self) -> tuple[Criteria | None, str]:
        """What the member asks, as typed so far (None and why, when it cannot be read yet)."""
        if not self.field.text().strip():
            return None, ""
        try:
            countries = self.countries.codes()
        except ValueError as exc:
            return None, f"Countries: {exc}"
        return Criteria(self.partner_type.currentData(), countries, self.field.text()), ""

    def rank_candidates(self) -> None:
        if self.tabs.currentIndex() != CANDIDATES_TAB or not self.isEnabled():
            return  # ranked when the tab is shown
        self.candidates.show_candidates(*self.criteria())

    def _count_proposals(self) -> None:
        rows = [r for r in self.candidates.proposals.rows() if str(r.get("name", "")).strip()]
        self.tabs.setTabText(CANDIDATES_TAB, f"Candidates ({len(rows)} proposed)" if rows else "Candidates")

    # --- load and save ---------------------------------------------------------------------------

    def fill(self, detail) -> None:
        data = detail.data if detail else service.RequestInput(None, "")
        self.title.setText("New partner-search request" if detail is None else
                           detail.name + ("  (in the bin)" if detail.deleted else ""))
        self._loaded_member = (data.member_id, detail.member_name if detail else "")
        self.member.setText(self._loaded_member[1])
        select_data(self.partner_type, data.partner_type)
        self.countries.set_codes(data.countries)
        self.field.setText(data.field)
        self.purpose.setPlainText(data.purpose)
        self.received_on.set_date(data.received_on)
        self.deadline.set_date(data.deadline)
        self.owner.setText(data.owner)
        select_data(self.status, data.status)
        self.closed_on.set_date(data.closed_on)
        self.result.setPlainText(data.result_note)
        self.candidates.set_proposals([
            {"id": p.id, "partner_id": p.partner_id, "stakeholder_id": p.stakeholder_id, "name": p.name,
             "person": p.person, "score": "" if p.score is None else p.score, "proposed": entry_text(p.proposed_on),
             "sent": entry_text(p.sent_on), "response": p.response, "note": p.note} for p in data.proposals])
        self._count_proposals()
        self.rank_candidates()

    def _member_id(self):
        text = self.member.text().strip()
        if not text:
            return None
        if text == self._loaded_member[1]:
            return self._loaded_member[0]
        choice = self.member.choice()
        if choice is None:
            raise ValueError(f"No member is called “{text}”; pick one from the list as you type")
        return choice.id

    def _read_proposals(self, errors: dict[str, str]) -> tuple[service.ProposalInput, ...]:
        proposals, problems = [], []
        today = self.controller.today()
        for number, row in enumerate(self.candidates.proposals.rows(), start=1):
            dates = {}
            for key, what in (("proposed", "proposed on"), ("sent", "sent")):
                try:
                    dates[key] = parse_date(str(row.get(key, "")), today)
                except DateParseError as exc:
                    problems.append(f"row {number}, {what}: {exc}")
                    dates[key] = None
            score = row.get("score")
            proposals.append(service.ProposalInput(
                str(row.get("name", "")), row.get("partner_id"), row.get("stakeholder_id"),
                str(row.get("person", "")), score if isinstance(score, int) else None, dates["proposed"],
                dates["sent"], row.get("response") or ProposalResponse.WAITING.value, str(row.get("note", "")),
                row.get("id")))
        if problems:
            errors["proposals"] = "; ".join(problems)
        return tuple(proposals)

    def collect(self) -> service.RequestInput:
        errors: dict[str, str] = {}
        values = {}
        for key, read in (("member_id", self._member_id), ("countries", self.countries.codes),
                          ("received_on", self.received_on.date), ("deadline", self.deadline.date),
                          ("closed_on", self.closed_on.date)):
            try:
                values[key] = read()
            except (DateParseError, ValueError) as exc:
                errors[key], values[key] = str(exc), None
        values["countries"] = values["countries"] or ()
        proposals = self._read_proposals(errors)
        data = service.RequestInput(
            field=self.field.text(), partner_type=self.partner_type.currentData(), purpose=self.purpose.toPlainText(),
            owner=self.owner.text(), status=self.status.currentData(), result_note=self.result.toPlainText(),
            proposals=proposals, version=self.version, **values)
        refuse_with_everything(errors, lambda: service.validate_request(data, self.controller.today()))
        return data
