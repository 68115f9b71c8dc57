"""The KPI editor: on one tab where the KPI stands (chart, measurements, review), on the
other its definition — what is counted, in which unit, from which baseline to which target
over which period, how often it is reviewed, and whether the data itself yields it."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from ...domain.dates import DateParseError
from ...domain.formatting import format_quantity
from ...domain.questionnaires import parse_number
from ...domain.strategy import ReviewCadence
from ...services import campaigns as campaign_service
from ...services import kpi_measures
from ...services import kpis as kpi_service
from ...services import strategy as strategy_service
from ..common.form_editor import FormEditor
from ..common.forms import (
    DateField,
    add_row,
    enum_combo,
    refuse_with_everything,
    scrolled_form,
    select_data,
)
from .common import StrategyChoice
from .kpi_progress import KpiProgress

PROGRESS_TAB, DEFINITION_TAB = 0, 1
UNITS = ("members", "companies", "partners", "activities", "meetings", "%", "DKK", "DKK million",
         "EUR", "analyses", "applications", "jobs")


class KpiEditor(FormEditor):
    noun = "KPI"
    services = (kpi_service.create_kpi, kpi_service.update_kpi, kpi_service.get_kpi)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.progress = KpiProgress(controller, lambda: not self.dirty or self.save())
        self.tabs.addTab(self.progress, "Progress")

        scroll, form = scrolled_form()
        self.name = self.watch("name", QLineEdit(), "Name")
        self.name.setPlaceholderText("e.g. Members taking part in international activities")
        self.strategy = self.watch("strategy_id", StrategyChoice(), "Strategy version")
        self.strategy.currentIndexChanged.connect(self._suggest_period)
        self.definition = self.watch("definition", QPlainTextEdit(), "Definition")
        self.definition.setTabChangesFocus(True)
        self.definition.setPlaceholderText("What exactly is counted, and where the number comes from")
        self.definition.setFixedHeight(70)
        self.unit = self.watch("unit", QLineEdit(), "Unit")
        self.unit.setPlaceholderText("e.g. members, %, DKK million")
        self.unit.setCompleter(QCompleter(QStringListModel(list(UNITS), self), self))
        self.baseline = self.watch("baseline", QLineEdit(), "Baseline")
        self.target = self.watch("target", QLineEdit(), "Target")
        for field in (self.baseline, self.target):
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.baseline.setToolTip("The value at the start of the period")
        self.target.setToolTip("The value aimed at by the end of the period")
        self.period_from = self.watch("period_from", DateField(today=controller.today), "Period from")
        self.period_to = self.watch("period_to", DateField(today=controller.today), "Period to")
        self.cadence = self.watch("cadence", enum_combo(ReviewCadence), "Review")
        self.next_review = self.watch("next_review_on", DateField(today=controller.today), "Next review")
        self.next_review.setPlaceholderText("empty: the first one after today")
        self.measure = self.watch("measure", QComboBox(), "Measure")
        self.measure.addItem("Typed in by hand", "")
        for m in kpi_measures.MEASURES:
            self.measure.addItem(m.label, m.key)
            self.measure.setItemData(self.measure.count() - 1, m.help, Qt.ItemDataRole.ToolTipRole)
        self.measure.setToolTip("Tie the KPI to what the data yields; its actual value then keeps itself "
                                "up to date (typed measurements stay possible)")
        self.measure.currentIndexChanged.connect(self._measure_chosen)
        self.owner = self.watch("owner", QComboBox(), "Owner")
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Alt letters unique among the menus, the list (New, Delete, Bin), Revert and Save.
        add_row(form, "Na&me:", self.name)
        add_row(form, "Strate&gy version:", self.strategy)
        add_row(form, "Definit&ion:", self.definition)
        add_row(form, "Meas&ure:", self.measure)
        add_row(form, "Uni&t:", self.unit, "O&wner:", self.owner)
        add_row(form, "Base&line:", self.baseline, "T&arget:", self.target)
        add_row(form, "&Period from:", self.period_from, "t&o:", self.period_to)
        add_row(form, "Review &cadence:", self.cadence, "Ne&xt review:", self.next_review)
        rule = QLabel("Status compares the latest value with the straight path from the baseline at the "
                      "start of the period to the target at its end: on track when at most a tenth of the "
                      "way behind, at risk up to a quarter behind, off track beyond that. A measurement "
                      "taken within two weeks of the review date counts as the review.")
        rule.setWordWrap(True)
        rule.setProperty("role", "hint")
        form.addRow(rule)
        self.tabs.addTab(scroll, "Definition")
        self.finish_layout(self.tabs)

    def reveal(self, widget: QWidget) -> None:
        self.tabs.setCurrentIndex(DEFINITION_TAB)

    # --- load ------------------------------------------------------------------------------------

    def fill(self, detail) -> None:
        ctx = self.controller.ctx
        if ctx is not None:
            self.strategy.fill(ctx)
            staff = campaign_service.known_staff(ctx)
            self.owner.clear()
            self.owner.addItems(["", *staff])
        if detail is None:
            data = kpi_service.KpiInput(self.strategy.currentData(), "")
            self.title.setText("New KPI")
        else:
            data = detail.data
            self.title.setText(data.name + ("  (in the bin)" if detail.deleted else ""))
        self.name.setText(data.name)
        self.strategy.choose(data.strategy_id)
        self.definition.setPlainText(data.definition)
        self.unit.setText(data.unit)
        self.baseline.setText(format_quantity(data.baseline))
        self.target.setText(format_quantity(data.target))
        self.period_from.set_date(data.period_from)
        self.period_to.set_date(data.period_to)
        select_data(self.cadence, data.cadence)
        self.next_review.set_date(data.next_review_on)
        select_data(self.measure, data.measure)
        self.owner.setEditText(data.owner)
        self.progress.show_kpi(detail)
        self.tabs.setTabEnabled(PROGRESS_TAB, detail is not None)
        if detail is None:
            self.tabs.setCurrentIndex(DEFINITION_TAB)
            self._suggest_period()

    def _suggest_period(self, *_args) -> None:
        """A new KPI runs over its strategy's period unless another is typed."""
        if self.record_id is not None:
            return
        ctx = self.controller.ctx
        strategy_id = self.strategy.currentData()
        if ctx is None or strategy_id is None:
            return
        data = strategy_service.get_strategy(ctx, strategy_id).data
        self.period_from.set_date(data.period_from)
        self.period_to.set_date(data.period_to)

    def _measure_chosen(self, *_args) -> None:
        measure = kpi_measures.measure_by_key(self.measure.currentData() or "")
        self.unit.setPlaceholderText(measure.unit if measure else "e.g. members, %, DKK million")

    # --- save --------------------------------------------------------------------------------

    def collect(self) -> kpi_service.KpiInput:
        errors: dict[str, str] = {}
        values = {}
        readers = (("period_from", self.period_from.date), ("period_to", self.period_to.date),
                   ("next_review_on", self.next_review.date),
                   ("baseline", lambda: parse_number(self.baseline.text())),
                   ("target", lambda: parse_number(self.target.text())))
        for key, read in readers:
            try:
                values[key] = read()
            except (DateParseError, ValueError) as exc:
                errors[key], values[key] = str(exc), None
        data = kpi_service.KpiInput(
            strategy_id=self.strategy.currentData(), name=self.name.text(),
            definition=self.definition.toPlainText(), unit=self.unit.text(),
            cadence=self.cadence.currentData(), measure=self.measure.currentData() or "",
            owner=self.owner.currentText(), version=self.version, **values)
        refuse_with_everything(errors, lambda: kpi_service.validate_kpi(data, self.controller.today()))
        return data
