"""The call editor: the programme and call id, the status with its dates, what the call is
worth (typical grant × success rate, and the own money a financing rate leaves to find), how
well it fits the strategy — and, on its second tab, the dated stages and the documents to
prepare (appendix 3), ticked with who and when."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.checklists import relative_day
from ...domain.dates import DateParseError, parse_date
from ...domain.enums import CallStatus, FundingSourceKind
from ...domain.formatting import format_date, format_datetime, format_money_whole
from ...domain.funding import format_percent, parse_percent
from ...services import funding as funding_service
from ...services import funding_sources as source_service
from ...services import secretariat as staff_service
from ..common.editable_rows import EditColumn
from ..common.form_editor import FormEditor
from ..common.forms import (
    DateField,
    MoneyField,
    add_row,
    entry_text,
    enum_combo,
    find_data,
    refuse_with_everything,
    scrolled_form,
    select_data,
    text_box,
)
from ..common.rows_table import RowsTable

FIT_CHOICES = ((None, "Not rated"), (1, "★☆☆☆☆  1 – poor fit"), (2, "★★☆☆☆  2 – weak"),
               (3, "★★★☆☆  3 – reasonable"), (4, "★★★★☆  4 – good"), (5, "★★★★★  5 – excellent"))
DEADLINE_COLUMNS = (
    EditColumn("stage", "Stage", 170, "e.g. Concept note, Full proposal"),
    EditColumn("due", "Date", 95, "Day first, e.g. 15-01-2027"),
    EditColumn("done", "Met", 40, "Ticked when the stage was handed in (also from Today)", checkable=True),
    EditColumn("met", "When", 0, editable=False),
)
DOCUMENT_COLUMNS = (
    EditColumn("done", "✓", 30, "Ready", checkable=True),
    EditColumn("text", "Document to prepare", 330),
    EditColumn("ready", "Ready", 0, editable=False),
)


def _stamp(who: str, when) -> str:
    return f"{who}, {format_datetime(when)}" if when else ""


class CallEditor(FormEditor):
    noun = "call"
    services = (funding_service.create_call, funding_service.update_call, funding_service.get_call)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        scroll, form = scrolled_form()
        today = controller.today
        self.call_title = self.watch("title", QLineEdit(), "Title")
        self.source = self.watch("source_id", QComboBox(), "Programme")
        self.source.setToolTip("The funding source the call belongs to")
        self.sources_button = QPushButton("Sources…")
        self.sources_button.setToolTip("Add or edit funding sources")
        self.sources_button.setAutoDefault(False)
        self.sources_button.clicked.connect(self.edit_sources)
        self.call_code = self.watch("call_code", QLineEdit(), "Call id")
        self.call_code.setPlaceholderText("e.g. HORIZON-CL6-2027-…")
        self.status = self.watch("status", enum_combo(CallStatus), "Status")
        self.preparing_on = self.watch("preparing_on", DateField(today=today), "Preparing since")
        self.submitted_on = self.watch("submitted_on", DateField(today=today), "Submitted")
        self.decided_on = self.watch("decided_on", DateField(today=today), "Decided")
        for field in (self.preparing_on, self.submitted_on, self.decided_on):
            field.setPlaceholderText("set by the status")
        self.financing = self.watch("financing_rate", QLineEdit(), "Financing rate")
        self.financing.setPlaceholderText("%, e.g. 70")
        self.financing.setToolTip("The share of the costs the call pays: EU calls range from 25 to 100 %")
        self.success = self.watch("success_rate", QLineEdit(), "Success rate")
        self.success.setPlaceholderText("%, e.g. 12")
        self.success.setToolTip("The share of applications that get funded; for some calls as low as 6 %")
        self.grant = self.watch("grant", MoneyField(currency="EUR"), "Typical grant")
        self.granted = self.watch("granted", MoneyField(currency="EUR"), "Granted")
        self.granted.setToolTip("What was granted (kept only for a granted call)")
        self.worth = QLabel()
        self.worth.setWordWrap(True)
        self.fit = self.watch("fit_rating", QComboBox(), "Fit with the strategy")
        for value, label in FIT_CHOICES:
            self.fit.addItem(label, value)
        self.fit.setToolTip("Use the international strategy to choose between calls (§2.2.1)")
        self.fit_note = self.watch("fit_note", text_box(48), "Why it fits")
        self.responsible = self.watch("responsible", QLineEdit(), "Responsible")
        self.link = self.watch("link", QLineEdit(), "Link")
        self.link.setPlaceholderText("the call's page")
        self.open_link = QPushButton("Open")
        self.open_link.setToolTip("Open the call's page in the browser")
        self.open_link.setAutoDefault(False)
        self.open_link.clicked.connect(self._open_link)
        self.warn_days = self.watch("warn_days", QSpinBox(), "Warn")
        self.warn_days.setRange(0, 365)
        self.warn_days.setSuffix(" days before a deadline")
        self.warn_days.setToolTip("From when a deadline shows on Today")
        self.warn_days.valueChanged.connect(self._changed)
        self.notes = self.watch("notes", text_box(56), "Notes")
        add_row(form, "&Title:", self.call_title)
        add_row(form, "&Programme:", self.source, self.sources_button)
        add_row(form, "Call &id:", self.call_code, "Stat&us:", self.status)
        add_row(form, "Preparing:", self.preparing_on, "Submitted:", self.submitted_on,
                "Decided:", self.decided_on)
        add_row(form, "Financin&g rate:", self.financing, "Success r&ate:", self.success)
        add_row(form, "T&ypical grant:", self.grant, "Granted:", self.granted)
        form.addRow("Worth:", self.worth)
        add_row(form, "Fit &with strategy:", self.fit)
        add_row(form, "Why it fits:", self.fit_note)
        add_row(form, "Responsib&le:", self.responsible, "Warn:", self.warn_days)
        add_row(form, "Lin&k:", self.link, self.open_link)
        add_row(form, "N&otes:", self.notes)
        self.tabs.addTab(scroll, "Call")

        stages = QWidget()
        column = QVBoxLayout(stages)
        heading = QLabel("Deadlines — each dated stage of the call; open ones show on Today")
        heading.setProperty("role", "subheading")
        column.addWidget(heading)
        self.deadlines = RowsTable(DEADLINE_COLUMNS, noun="deadline", height=96)
        self.watch("deadlines", self.deadlines.view, "Deadlines")
        self.deadlines.changed.connect(self._changed)
        column.addWidget(self.deadlines, 2)
        self.documents_heading = QLabel()
        self.documents_heading.setProperty("role", "subheading")
        column.addWidget(self.documents_heading)
        self.documents = RowsTable(DOCUMENT_COLUMNS, noun="document", height=110, movable=True)
        self.watch("documents", self.documents.view, "Documents")
        self.documents.changed.connect(self._changed)
        self.documents.changed.connect(self._count_documents)
        column.addWidget(self.documents, 3)
        self.tabs.addTab(stages, "Deadlines and documents")
        self.finish_layout(self.tabs)

        for signal in (self.grant.changed, self.success.textChanged, self.financing.textChanged):
            signal.connect(self._update_worth)
        self.source.currentIndexChanged.connect(self._suggest_documents)
        self._suggested: tuple[str, ...] = ()

    def reveal(self, widget: QWidget) -> None:
        on_second = widget in (self.deadlines.view, self.documents.view)
        self.tabs.setCurrentIndex(1 if on_second else 0)

    # --- choices ----------------------------------------------------------------------------

    def _fill_sources(self, wanted=None) -> None:
        ctx = self.controller.ctx
        self._kinds = {}
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("— no programme —", None)
        for row in source_service.list_sources(ctx) if ctx else ():
            self.source.addItem(f"{row.name}  ({FundingSourceKind(row.kind).label})", row.id)
            self._kinds[row.id] = row.kind
        self.source.setCurrentIndex(max(0, find_data(self.source, wanted)))
        self.source.blockSignals(False)
        names = [r.name for r in staff_service.list_staff(ctx)] if ctx else []
        self.responsible.setCompleter(QCompleter(names, self.responsible))

    def edit_sources(self) -> None:
        from .sources import SourcesDialog

        wanted = self.source.currentData()
        SourcesDialog(self.controller, self).exec()
        loading, self._loading = self._loading, True
        self._fill_sources(wanted)
        self._loading = loading

    # --- what the call is worth ---------------------------------------------------------------

    def _update_worth(self, *_args) -> None:
        try:
            figures = funding_service.CallFigures(self.grant.money(), parse_percent(self.success.text()),
                                                  parse_percent(self.financing.text()))
        except ValueError:
            self.worth.setText("")
            return
        parts = []
        if figures.expected_value is not None:
            parts.append(f"expected value {format_money_whole(figures.expected_value)} "
                         f"({format_money_whole(figures.grant)} × {format_percent(figures.success_rate)})")
        if figures.own_contribution is not None and figures.own_contribution.amount:
            parts.append(f"own money to find {format_money_whole(figures.own_contribution)} "
                         f"(the call pays {format_percent(figures.financing_rate)})")
        self.worth.setText("; ".join(parts).capitalize() if parts else
                           "Give the typical grant and the success rate to see what the call is worth.")

    # --- documents ------------------------------------------------------------------------------

    def _count_documents(self) -> None:
        rows = [r for r in self.documents.rows() if r.get("text", "").strip()]
        ready = sum(1 for r in rows if r.get("done"))
        self.documents_heading.setText(f"Documents to prepare — {ready} of {len(rows)} ready")
        self.tabs.setTabText(1, f"Deadlines and documents ({ready}/{len(rows)})" if rows else
                             "Deadlines and documents")

    def _suggest_documents(self, *_args) -> None:
        """A new call offers the documents its programme needs, until they are changed."""
        if self.record_id is not None:
            return
        current = tuple(r.get("text", "") for r in self.documents.rows())
        if current and current != self._suggested or any(r.get("done") for r in self.documents.rows()):
            return
        self._suggested = funding_service.source_kind_documents(self._kinds.get(self.source.currentData()))
        loading, self._loading = self._loading, True
        self.documents.set_rows([{"text": text, "done": False} for text in self._suggested])
        self._loading = loading
        self._count_documents()

    # --- load and save --------------------------------------------------------------------------

    def fill(self, detail) -> None:
        data = detail.data if detail else funding_service.CallInput("")
        self._fill_sources(data.source_id)
        self.title.setText("New funding call" if detail is None else
                           data.title + ("  (in the bin)" if detail.deleted else ""))
        self.call_title.setText(data.title)
        self.call_code.setText(data.call_code)
        select_data(self.status, data.status)
        self.preparing_on.set_date(data.preparing_on)
        self.submitted_on.set_date(data.submitted_on)
        self.decided_on.set_date(data.decided_on)
        self.financing.setText(f"{data.financing_rate.normalize():f}" if data.financing_rate is not None else "")
        self.success.setText(f"{data.success_rate.normalize():f}" if data.success_rate is not None else "")
        self.grant.set_money(data.grant)
        self.granted.set_money(data.granted)
        self.granted.currency.setCurrentText((data.granted or data.grant).currency
                                             if (data.granted or data.grant) else "EUR")
        self.fit.setCurrentIndex(max(0, find_data(self.fit, data.fit_rating)))
        self.fit_note.setPlainText(data.fit_note)
        self.responsible.setText(data.responsible)
        self.link.setText(data.link)
        self.warn_days.setValue(data.warn_days)
        self.notes.setPlainText(data.notes)
        today = self.controller.today()
        if detail is None:
            self.deadlines.set_rows([])
            self._suggested = ()
            self.documents.set_rows([])
            self._suggest_documents()
        else:
            self.deadlines.set_rows([{"id": d.id, "stage": d.stage, "due": entry_text(d.due_on),
                                      "done": d.done, "met": _stamp(d.done_by, d.done_at) or
                                      (relative_day(d.due_on, today) if d.due_on >= today else "missed?")}
                                     for d in detail.deadlines])
            self.documents.set_rows([{"id": d.id, "text": d.text, "done": d.done,
                                      "ready": _stamp(d.done_by, d.done_at)} for d in detail.documents])
        self._count_documents()
        self._update_worth()
        self.open_link.setEnabled(bool(data.link))

    def _read_deadlines(self, errors: dict[str, str]) -> tuple[funding_service.DeadlineInput, ...]:
        rows, problems = [], []
        for number, row in enumerate(self.deadlines.rows(), start=1):
            try:
                due = parse_date(row.get("due", ""), self.controller.today())
            except DateParseError as exc:
                problems.append(f"row {number}, date: {exc}")
                continue
            rows.append(funding_service.DeadlineInput(due, row.get("stage", ""), bool(row.get("done")),
                                                      row.get("id")))
        if problems:
            errors["deadlines"] = "; ".join(problems)
        return tuple(rows)

    def collect(self) -> funding_service.CallInput:
        errors: dict[str, str] = {}
        values = {}
        for key, read in (("preparing_on", self.preparing_on.date), ("submitted_on", self.submitted_on.date),
                          ("decided_on", self.decided_on.date), ("grant", self.grant.money),
                          ("granted", self.granted.money),
                          ("financing_rate", lambda: parse_percent(self.financing.text())),
                          ("success_rate", lambda: parse_percent(self.success.text()))):
            try:
                values[key] = read()
            except (DateParseError, ValueError) as exc:
                errors[key], values[key] = str(exc), None
        deadlines = self._read_deadlines(errors)
        documents = tuple(funding_service.DocumentInput(r.get("text", ""), bool(r.get("done")), r.get("id"))
                          for r in self.documents.rows())
        data = funding_service.CallInput(
            title=self.call_title.text(), source_id=self.source.currentData(), call_code=self.call_code.text(),
            status=self.status.currentData(), fit_rating=self.fit.currentData(),
            fit_note=self.fit_note.toPlainText(), responsible=self.responsible.text(), link=self.link.text(),
            warn_days=self.warn_days.value(), notes=self.notes.toPlainText(), deadlines=deadlines,
            documents=documents, version=self.version, **values)
        refuse_with_everything(errors, lambda: funding_service.validate_call(data, self.controller.today()))
        return data


    def _open_link(self) -> None:
        if self.link.text().strip():
            QDesktopServices.openUrl(QUrl(self.link.text().strip()))


def deadline_text(deadline, today) -> str:
    """'15 Dec 2026 (in 18 days)' for the list."""
    if deadline is None:
        return ""
    return f"{format_date(deadline.due_on)} ({relative_day(deadline.due_on, today)})"
