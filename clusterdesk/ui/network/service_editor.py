"""The service editor: what the service is, for whom, how members pay, who owns it, whether it
is permanent yet — and, on its second tab, the activities (Missions) that ran it, ticked from
the list, with what they did year by year: the evidence for making an ad-hoc service permanent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ...domain.enums import ActivityKind, ActivityStatus
from ...domain.formatting import format_date_range
from ...domain.network import REPEATED, PriceModel, ServiceCategory, ServiceStatus
from ...domain.text import plural
from ...services import service_catalogue as service
from ..common.form_editor import FormEditor
from ..common.forms import add_row, enum_combo, scrolled_form, select_data, text_box
from ..common.table_model import Column
from ..common.table_view import sorted_table, stretch_column
from ..common.tick_list import TickList
from .widgets import compact

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def year_table_height(rows: int) -> int:
    """The height of the year table showing `rows` years without scrolling."""
    return 28 + 26 * rows


def _year_columns(cases_label: str) -> tuple[Column, ...]:
    columns = (
        Column("year", "Year", lambda y: y.year, width=55),
        Column("activities", "Activities", lambda y: y.activities, width=70, align=RIGHT),
        Column("held", "Held", lambda y: y.held, width=50, align=RIGHT,
               tooltip=lambda y: "Started by today and not cancelled"),
        Column("participants", "Signed up", lambda y: y.participants, width=70, align=RIGHT),
        Column("attended", "Took part", lambda y: y.attended, width=70, align=RIGHT),
    )
    if cases_label:
        columns += (Column("cases", cases_label, lambda y: y.cases, align=RIGHT),)
    return columns


ACTIVITY_COLUMNS = (
    Column("name", "Activity", lambda a: a.name,
           tooltip=lambda a: f"{a.name}\n{ActivityKind(a.kind).label}"),
    Column("when", "When", lambda a: a.starts_on, width=120,
           text_of=lambda a: format_date_range(a.starts_on, a.ends_on)),
    Column("status", "Status", lambda a: ActivityStatus(a.status).label, width=110),
    Column("participants", "Signed up", lambda a: a.participants, width=64, align=RIGHT),
    Column("attended", "Took part", lambda a: a.attended, width=70, align=RIGHT),
)


class ServiceEditor(FormEditor):
    noun = "service"
    services = (service.create_service, service.update_service, service.get_service)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        scroll, form = scrolled_form()
        self.name = self.watch("name", QLineEdit(), "Name")
        self.category = self.watch("category", compact(enum_combo(ServiceCategory)), "Category")
        self.status = self.watch("status", compact(enum_combo(ServiceStatus), 10), "Status")
        self.status.setToolTip("Ad hoc so far: run as projects; permanent: offered every year (§5.2)")
        self.price_model = self.watch("price_model", enum_combo(PriceModel), "Price model")
        self.price_note = self.watch("price_note", QLineEdit(), "Price")
        self.price_note.setPlaceholderText("e.g. basic help free, application writing priced individually")
        self.owner = self.watch("owner", QLineEdit(), "Owner")
        self.owner.setPlaceholderText("who in the secretariat runs it")
        self.target_group = self.watch("target_group", text_box(44, "which members it is for"), "Target group")
        self.description = self.watch("description", text_box(64, "what members get, how it runs"),
                                      "Description")
        self.notes = self.watch("notes", text_box(44), "Notes")
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        add_row(form, "Na&me:", self.name)
        add_row(form, "&Category:", self.category, "Stat&us:", self.status)
        add_row(form, "&Price model:", self.price_model)
        add_row(form, "Pr&ice:", self.price_note)
        add_row(form, "O&wner:", self.owner)
        add_row(form, "Tar&get group:", self.target_group)
        add_row(form, "Descripti&on:", self.description)
        add_row(form, "No&tes:", self.notes)
        form.addRow("Permanent?", self.verdict)
        self.tabs.addTab(scroll, "Service")

        record = QWidget()
        column = QVBoxLayout(record)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Activities that ran this service — tick them (Space); they count once saved")
        heading.setProperty("role", "subheading")
        heading.setWordWrap(True)
        top_layout.addWidget(heading)
        self.activities = TickList("Filter the activities…")
        self.activities.noun = "linked"
        self.watch("activity_ids", self.activities.view, "Activities")
        self.activities.changed.connect(self._changed)
        top_layout.addWidget(self.activities, 1)
        split.addWidget(top)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.years_heading = QLabel("Year by year")
        self.years_heading.setProperty("role", "subheading")
        bottom_layout.addWidget(self.years_heading)
        self.years_view, self.years, _proxy = sorted_table(_year_columns(""), self)
        self.years_view.setFixedHeight(year_table_height(1))
        bottom_layout.addWidget(self.years_view)
        self.activity_view, self.activity_rows, _proxy = sorted_table(ACTIVITY_COLUMNS, self, sort_column=1)
        stretch_column(self.activity_view, 0)
        bottom_layout.addWidget(self.activity_view, 1)
        split.addWidget(bottom)
        split.setSizes([200, 260])
        column.addWidget(split)
        self.tabs.addTab(record, "Activities")
        self.finish_layout(self.tabs)

    def reveal(self, widget: QWidget) -> None:
        self.tabs.setCurrentIndex(1 if widget is self.activities.view else 0)

    def fill(self, detail) -> None:
        ctx = self.controller.ctx
        if ctx is not None:
            self.activities.set_choices([(a.id, f"{a.name} ({a.detail})") for a in service.activity_choices(ctx)])
        data = detail.data if detail else service.ServiceInput("")
        self.title.setText("New service" if detail is None else
                           data.name + ("  (in the bin)" if detail.deleted else ""))
        self.name.setText(data.name)
        select_data(self.category, data.category)
        select_data(self.status, data.status)
        select_data(self.price_model, data.price_model)
        self.price_note.setText(data.price_note)
        self.owner.setText(data.owner)
        self.target_group.setPlainText(data.target_group)
        self.description.setPlainText(data.description)
        self.notes.setPlainText(data.notes)
        self.activities.filter.clear()
        self.activities.set_checked(data.activity_ids)
        years = detail.years if detail else ()
        self.years.set_columns(_year_columns(detail.cases_label if detail else ""), years)
        self.years_view.setFixedHeight(year_table_height(min(max(1, len(years)), 5)))
        self.activity_rows.set_rows(detail.activities if detail else ())
        self.years_heading.setText("Year by year" if years else "Year by year — nothing ran under it yet")
        self.verdict.setText(self._verdict(detail))
        self.tabs.setTabText(1, f"Activities ({len(detail.activities)})" if detail and detail.activities
                             else "Activities")

    def _verdict(self, detail) -> str:
        if detail is None:
            return "Tick the activities that ran it (second tab) to see whether it could become permanent."
        status = ServiceStatus(detail.data.status)
        held = plural(detail.held, "time")
        if status is ServiceStatus.PERMANENT:
            return f"Permanent; held {held} as recorded here."
        if detail.could_become_permanent:
            return f"Held {held} as an ad-hoc activity — it could become a permanent service."
        if status is ServiceStatus.PAUSED:
            return f"Paused; held {held} before."
        return f"Held {held} so far; a service run at least {REPEATED} times is a candidate to make permanent."

    def collect(self) -> service.ServiceInput:
        return service.ServiceInput(
            name=self.name.text(), category=self.category.currentData(), status=self.status.currentData(),
            description=self.description.toPlainText(), target_group=self.target_group.toPlainText(),
            price_model=self.price_model.currentData(), price_note=self.price_note.text(),
            owner=self.owner.text(), notes=self.notes.toPlainText(),
            activity_ids=self.activities.checked(), version=self.version)
