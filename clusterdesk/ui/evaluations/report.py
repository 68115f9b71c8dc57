"""Evaluations ▸ Report: the evaluation report of one activity or of a period — response rate,
ratings, outcomes and the value of contracts by currency, success stories, comments — with
charts on screen, and as PDF (Ctrl+P) or Excel for the board or the funder."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.countries import country_name
from ...domain.dates import DateParseError
from ...domain.evaluations import OutcomeKind, StoryStatus
from ...domain.formatting import format_date_range, format_money
from ...domain.questionnaires import format_number
from ...services import evaluation_report as report_service
from ...services import evaluations as evaluation_service
from ...services.errors import ValidationError
from ..common.charts import ChartView, bar_chart
from ..common.export import ask_save_path
from ..common.forms import DateField, find_data, mark_invalid
from ..common.messages import show_error
from ..common.tab import ListExport, TabPage
from ..common.table_model import Column
from ..common.table_view import sorted_table
from .grid import stretch_first

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
TABLES = {
    "Ratings": (
        Column("question", "Question", lambda r: r.text, width=330, tooltip=lambda r: r.text),
        Column("answers", "Answers", lambda r: r.answered, width=60, align=RIGHT),
        Column("average", "Average", lambda r: r.average, format_number, width=60, align=RIGHT),
        *(Column(f"n{n}", str(n), lambda r, n=n: r.counts[n - 1], width=34, align=RIGHT) for n in range(1, 6)),
    ),
    "Yes or no": (
        Column("question", "Question", lambda r: r.text, width=380, tooltip=lambda r: r.text),
        Column("yes", "Yes", lambda r: r.yes, width=50, align=RIGHT),
        Column("no", "No", lambda r: r.no, width=50, align=RIGHT),
        Column("considering", "Considering", lambda r: r.considering, width=80, align=RIGHT),
    ),
    "Outcomes": (
        Column("member", "Participant", lambda r: r[1].member_name, width=170),
        Column("kind", "Outcome", lambda r: r[1].kind_label, width=130),
        Column("count", "Count", lambda r: r[1].count, width=45, align=RIGHT),
        Column("partner", "Partner", lambda r: r[1].partner, width=150),
        Column("country", "Country", lambda r: country_name(r[1].country) if r[1].country else "", width=90),
        Column("value", "Value", lambda r: r[1].value.amount if r[1].value else None, width=110, align=RIGHT,
               text_of=lambda r: format_money(r[1].value) if r[1].value else ""),
        Column("activity", "Activity", lambda r: r[0], width=180),
    ),
    "Activities": (
        Column("name", "Activity", lambda a: a.name, width=240, tooltip=lambda a: a.name),
        Column("when", "When", lambda a: a.starts_on, width=130,
               text_of=lambda a: format_date_range(a.starts_on, a.ends_on)),
        Column("asked", "Asked", lambda a: a.counted, width=50, align=RIGHT),
        Column("answered", "Answered", lambda a: a.answered, width=65, align=RIGHT),
        Column("follow_up", "Follow-up", lambda a: a.followed_up, width=70, align=RIGHT),
        Column("outcomes", "Outcomes", lambda a: a.outcomes, width=65, align=RIGHT),
    ),
    "Success stories": (
        Column("title", "Title", lambda s: s.title, width=260, tooltip=lambda s: s.title),
        Column("status", "Status", lambda s: StoryStatus(s.status).label, width=140),
        Column("member", "Member", lambda s: s.member_name, width=150),
        Column("value", "Value", lambda s: s.value.amount if s.value else None, width=110, align=RIGHT,
               text_of=lambda s: format_money(s.value) if s.value else ""),
    ),
    "Comments": (
        Column("text", "What they wrote", lambda c: c.text, width=380, tooltip=lambda c: c.text),
        Column("member", "Participant", lambda c: c.member, width=160),
        Column("question", "Question", lambda c: c.question, tooltip=lambda c: c.question),
    ),
}


class ReportView(TabPage):
    kinds = ("activities", "participants", "answer_sets", "answers", "activity_evaluations", "outcomes",
             "success_stories", "members", "questionnaires")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.report = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        top = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.addItem("One activity", "activity")
        self.scope.addItem("A period", "period")
        self.scope.currentIndexChanged.connect(lambda _i: self._scope_changed())
        label = QLabel("Report &on:")
        label.setBuddy(self.scope)
        self.activity = QComboBox()
        self.activity.setMinimumWidth(330)
        self.activity.activated.connect(lambda _i: self.show_report())
        self.start = DateField(today=controller.today)
        self.end = DateField(today=controller.today)
        for field in (self.start, self.end):
            field.setMaximumWidth(110)
            field.returnPressed.connect(self.show_report)
        self.from_label = QLabel("&from")
        self.from_label.setBuddy(self.start)
        self.to_label = QLabel("t&o")
        self.to_label.setBuddy(self.end)
        self.show_button = QPushButton("S&how")
        self.show_button.setToolTip("Make the report for the period (Enter in a date)")
        self.show_button.clicked.connect(self.show_report)
        self.pdf_button = QPushButton("&PDF…")
        self.pdf_button.setToolTip("The report as a PDF for the board or the funder (Ctrl+P)")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.excel_button = QPushButton("E&xcel…")
        self.excel_button.setToolTip("The report as an Excel workbook, a sheet per part")
        self.excel_button.clicked.connect(self.save_excel)
        for widget in (label, self.scope, self.activity, self.from_label, self.start, self.to_label,
                       self.end, self.show_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.excel_button)
        layout.addLayout(top)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.scope_label = QLabel()
        self.scope_label.setProperty("role", "hint")
        layout.addWidget(self.scope_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        upper_layout = QHBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        figures = QWidget()
        figures.setFixedWidth(340)
        self.figures = QFormLayout(figures)
        self.figures.setContentsMargins(0, 4, 8, 0)
        self.figures.setHorizontalSpacing(10)
        self.figures.setVerticalSpacing(3)
        upper_layout.addWidget(figures, 0, Qt.AlignmentFlag.AlignTop)
        self.ratings_chart = ChartView()
        self.outcomes_chart = ChartView()
        upper_layout.addWidget(self.ratings_chart, 5)
        upper_layout.addWidget(self.outcomes_chart, 4)
        splitter.addWidget(upper)
        self.tabs = QTabWidget()
        self.tables = {}
        for title, columns in TABLES.items():
            view, model, _proxy = sorted_table(columns, self, sort_column=-1)  # in the report's order
            stretch_first(view)
            self.tables[title] = (view, model)
            self.tabs.addTab(view, title)
        splitter.addWidget(self.tabs)
        splitter.setSizes([300, 320])
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence.StandardKey.Print, self, self.save_pdf)
        today = controller.today()
        self.start.set_date(date(today.year, 1, 1))
        self.end.set_date(today)
        self._scope_changed(load=False)

    # --- scope ---------------------------------------------------------------------------------

    def _scope_changed(self, load: bool = True) -> None:
        period = self.scope.currentData() == "period"
        self.activity.setVisible(not period)
        for widget in (self.from_label, self.start, self.to_label, self.end, self.show_button):
            widget.setVisible(period)
        if load:
            self.show_report()

    def show_activity(self, activity_id) -> None:
        self.scope.setCurrentIndex(0)
        self.activity.setCurrentIndex(max(0, find_data(self.activity, activity_id)))
        self.show_report()

    def refresh(self) -> None:
        if self.ctx is None:
            return
        current = self.activity.currentData()
        self.activity.clear()
        for record in evaluation_service.named_evaluations(self.ctx):
            self.activity.addItem(record.name, record.id)
        self.activity.setCurrentIndex(max(0, find_data(self.activity, current)))
        self.show_report()

    def show_report(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        for field in (self.start, self.end):
            mark_invalid(field, None)
        try:
            if self.scope.currentData() == "period":
                fields = {"start": self.start, "end": self.end}
                try:
                    start, end = self.start.date(), self.end.date()
                except DateParseError as exc:
                    bad = self.start if not _parses(self.start) else self.end
                    mark_invalid(bad, str(exc))
                    return
                try:
                    self.report = report_service.period_report(ctx, start, end)
                except ValidationError as exc:
                    for key, message in exc.errors.items():
                        mark_invalid(fields[key], message)
                    return
            elif self.activity.currentData() is not None:
                self.report = report_service.activity_report(ctx, self.activity.currentData())
            else:
                self.report = None
        finally:
            self._show()

    def _show(self) -> None:
        report = self.report
        while self.figures.rowCount():
            self.figures.removeRow(0)
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(report is not None)
        if report is None:
            self.heading.setText("No activity has taken place yet.")
            self.scope_label.clear()
            for _view, model in self.tables.values():
                model.set_rows([])
            return
        from ...exports.pdf.evaluation_report import key_figures

        self.heading.setText(report.title)
        self.scope_label.setText(report.scope)
        for label, value in key_figures(report):
            text = QLabel(value)
            text.setWordWrap(True)
            self.figures.addRow(f"{label}:", text)
        rated = [r for r in report.ratings if r.answered]
        self.ratings_chart.show_chart(bar_chart(
            [r.text for r in rated], [("Average rating", [float(r.average) for r in rated])],
            title="Average rating (1 = poor, 5 = excellent)", top=5, label_limit=30))
        kinds = report.totals.per_kind
        self.outcomes_chart.show_chart(bar_chart(
            [OutcomeKind(k).label for k, _n, _p in kinds],
            [("Reported", [n for _k, n, _p in kinds]), ("Participants", [p for _k, _n, p in kinds])],
            title="Outcomes", label_limit=22))
        rows = {"Ratings": report.ratings, "Yes or no": report.yes_no, "Outcomes": report.outcomes,
                "Activities": report.activities, "Success stories": report.stories,
                "Comments": report.comments}
        for title, (view, model) in self.tables.items():
            model.set_rows(list(rows[title]))
            self.tabs.setTabText(self.tabs.indexOf(view), f"{title} ({len(rows[title])})")

    # --- files ---------------------------------------------------------------------------------

    def _file_name(self) -> str:
        if self.scope.currentData() == "period":
            return f"Evaluation report {self.start.text()} to {self.end.text()}"
        return f"Evaluation report – {self.activity.currentText()}"

    def save_pdf(self) -> None:
        if self.report is None:
            return
        target = ask_save_path(self, "Evaluation report as PDF", self._file_name(), "PDF", ".pdf")
        if target is not None:
            from ...exports.pdf.evaluation_report import write_report_pdf

            report, name, today = self.report, self.ctx.workspace.name, self.controller.today()
            self._write(lambda: write_report_pdf(target, report, name, today), target)

    def save_excel(self) -> None:
        if self.report is None:
            return
        target = ask_save_path(self, "Evaluation report as Excel", self._file_name(), "Excel workbook", ".xlsx")
        if target is not None:
            from ...exports.evaluations import write_report_xlsx

            report = self.report
            self._write(lambda: write_report_xlsx(target, report), target)

    def _write(self, work, target) -> None:
        def failed(exc: BaseException, _trace: str) -> None:
            show_error(self, "Evaluation report", f"The report could not be written: {exc}")

        self.controller.runner.run(work, lambda _r: self.controller.status.emit(f"Wrote {target}"), failed)

    # --- the contract --------------------------------------------------------------------------

    def focus_primary(self) -> None:
        (self.start if self.scope.currentData() == "period" else self.activity).setFocus()

    def list_export(self) -> ListExport | None:
        title = self.tabs.tabText(self.tabs.currentIndex()).split(" (")[0]
        view, model = self.tables[title]
        return ListExport(f"{title} – {self.report.title}" if self.report else title, TABLES[title], model.rows())


def _parses(field: DateField) -> bool:
    try:
        field.date()
    except DateParseError:
        return False
    return True

