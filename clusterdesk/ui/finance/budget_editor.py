"""The budget editor: what it is for (an activity or a project), its one currency, the expected
participants and the co-funding model; cost lines and funding lines typed like a small
spreadsheet; and, as you type, the totals, the gap left unfunded and the price per
participant under every model of §2.2.3."""

from __future__ import annotations

from xml.sax.saxutils import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.budgets import share as budget_share
from ...domain.enums import CoFundingModel, CostCategory
from ...domain.formatting import format_amount, format_date, format_quantity
from ...domain.money import COMMON_CURRENCIES, parse_money
from ...services import budgets as budget_service
from ...services import funding_sources as source_service
from ..common.editable_rows import EditColumn
from ..common.form_editor import FormEditor
from ..common.forms import (
    add_row,
    enum_combo,
    find_data,
    refuse_with_everything,
    select_data,
    text_box,
)
from ..common.rows_table import RowsTable
from ..common.theme import OVERDUE
from .budget_summary import summary_html

COST_COLUMNS = (
    EditColumn("category", "Category", 205, choices=tuple(CostCategory.choices())),
    EditColumn("description", "Description", 200),
    EditColumn("amount", "Amount", 90, "In the budget's currency; per participant when ticked", numeric=True),
    EditColumn("per_participant", "Each", 40, "Per participant: counted once for each expected participant",
               checkable=True),
    EditColumn("total", "Total", 0, editable=False, numeric=True),
)
FUNDING_COLUMNS = (
    EditColumn("source_id", "Source", 180),
    EditColumn("description", "Description", 220),
    EditColumn("amount", "Amount", 90, "In the budget's currency", numeric=True),
    EditColumn("secured", "Secured", 55, "Granted or promised, not only hoped for", checkable=True),
    EditColumn("share", "Share", 0, editable=False, numeric=True),
)
NO_ACTIVITY = "— a project, no activity —"


class BudgetEditor(FormEditor):
    noun = "budget"
    services = (budget_service.create_budget, budget_service.update_budget, budget_service.get_budget)
    export_requested = Signal(str)  # "pdf" or "xlsx"

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        self.name = self.watch("name", QLineEdit(), "Name")
        self.activity = self.watch("activity_id", QComboBox(), "For")
        self.activity.setToolTip("The activity (Missions) this budget is for, or none for a project")
        self.activity.setMinimumContentsLength(18)
        self.currency = self.watch("currency", QComboBox(), "Currency")
        self.currency.setEditable(True)
        self.currency.addItems(COMMON_CURRENCIES)
        self.currency.setMaximumWidth(80)
        self.currency.setToolTip("One budget, one currency: every line is in it")
        self.participants = self.watch("participants", QSpinBox(), "Participants")
        self.participants.setRange(0, budget_service.MAX_PARTICIPANTS)
        self.participants.setSpecialValueText("—")
        self.participants.setToolTip("Expected number of paying participants (sets the price per participant)")
        self.participants.valueChanged.connect(self._changed)
        self.model = self.watch("co_funding_model", enum_combo(CoFundingModel), "Co-funding")
        self.model.setToolTip("What the participants pay (handbook §2.2.3)")
        add_row(form, "Na&me:", self.name, "For &activity:", self.activity)
        add_row(form, "C&urrency:", self.currency, "Partici&pants:", self.participants,
                "Co-funding m&odel:", self.model)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.costs = RowsTable(COST_COLUMNS, noun="cost", height=120, movable=True,
                               defaults={"category": CostCategory.OTHER.value})
        self.funding = RowsTable(FUNDING_COLUMNS, noun="funding line", height=120, movable=True,
                                 choice_keys=("source_id",))
        self.notes = self.watch("notes", text_box(), "Notes")
        for key, table, label in (("costs", self.costs, "Costs"), ("funding", self.funding, "Funding")):
            self.watch(key, table.view, label)
            table.changed.connect(self._changed)
            table.changed.connect(self.recalculate)
        self.tabs.addTab(self.costs, "&Costs")
        self.tabs.addTab(self.funding, "Fundin&g")
        self.tabs.addTab(self.notes, "No&tes")
        column.addWidget(self.tabs, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary.setContentsMargins(8, 6, 8, 6)
        column.addWidget(self.summary)

        self.copy_button = QPushButton("Copy to activit&y")
        self.copy_button.setToolTip("Write the total and the price per participant into the activity "
                                    "(Missions), so both show the same figures")
        self.copy_button.clicked.connect(self.copy_to_activity)
        self.pdf_button = QPushButton("PDF…")
        self.pdf_button.setToolTip("The budget as a PDF in the house style (Ctrl+P)")
        self.pdf_button.clicked.connect(lambda: self.export_requested.emit("pdf"))
        self.xlsx_button = QPushButton("E&xcel…")
        self.xlsx_button.setToolTip("The budget as an Excel workbook: summary, costs, funding")
        self.xlsx_button.clicked.connect(lambda: self.export_requested.emit("xlsx"))
        for index, button in enumerate((self.copy_button, self.pdf_button, self.xlsx_button)):
            button.setAutoDefault(False)
            self.buttons.insertWidget(index, button)
        QShortcut(QKeySequence.StandardKey.Print, self, lambda: self.export_requested.emit("pdf"))
        self.finish_layout(body)
        for signal in (self.currency.editTextChanged, self.participants.valueChanged,
                       self.model.currentIndexChanged):
            signal.connect(self.recalculate)
        self.activity.currentIndexChanged.connect(self._activity_chosen)
        self.linked = None

    def reveal(self, widget: QWidget) -> None:
        if widget is self.costs.view:
            self.tabs.setCurrentIndex(0)
        elif widget is self.funding.view:
            self.tabs.setCurrentIndex(1)

    # --- choices ----------------------------------------------------------------------------

    def _fill_choices(self, activity_id) -> None:
        ctx = self.controller.ctx
        self.activity.blockSignals(True)
        self.activity.clear()
        self.activity.addItem(NO_ACTIVITY, None)
        for record in budget_service.activity_choices(ctx):
            self.activity.addItem(record.name, record.id)
        self.activity.setCurrentIndex(max(0, find_data(self.activity, activity_id)))
        self.activity.blockSignals(False)
        sources = [(None, "—")] + [(r.id, r.name) for r in source_service.list_sources(ctx)]
        self.funding.model.set_choices("source_id", sources)

    def _activity_chosen(self, *_args) -> None:
        """A new budget takes its name from the activity it is for, while none is typed."""
        if self._loading or self.record_id is not None or self.activity.currentData() is None:
            return
        if not self.name.text().strip():
            self.name.setText(self.activity.currentText())

    # --- what is typed, as figures -----------------------------------------------------------

    def _read_lines(self):
        """The cost and funding lines as typed (a row whose amount cannot be read has None)
        and, by table, the reasons of the rows that cannot be read."""
        currency = self.currency.currentText().strip().upper() or "DKK"
        lines: dict[str, list] = {"costs": [], "funding": []}
        problems: dict[str, list[str]] = {"costs": [], "funding": []}
        for key, table in (("costs", self.costs), ("funding", self.funding)):
            for number, row in enumerate(table.rows(), start=1):
                try:
                    amount = parse_money(row.get("amount", "") or "", currency)
                except ValueError as exc:
                    problems[key].append(f"row {number}, amount: {exc}")
                    amount = None
                if key == "costs":
                    lines[key].append(budget_service.CostInput(
                        amount, row.get("category") or CostCategory.OTHER.value, row.get("description", ""),
                        bool(row.get("per_participant")), row.get("id")))
                else:
                    lines[key].append(budget_service.FundingInput(
                        amount, row.get("source_id"), row.get("description", ""), bool(row.get("secured")),
                        row.get("id")))
        return currency, tuple(lines["costs"]), tuple(lines["funding"]), problems

    def recalculate(self, *_args) -> None:
        """Totals, gap and prices of what is typed, at every keystroke; a line that cannot
        be counted yet (no amount, another currency) is left out and named."""
        currency, costs, funding, _problems = self._read_lines()

        def counted(line) -> bool:
            return line.amount is not None and line.amount.currency == currency

        participants = self.participants.value() or None
        data = budget_service.BudgetInput(
            "", currency=currency, participants=participants,
            co_funding_model=self.model.currentData() or CoFundingModel.OWN_COSTS.value,
            costs=tuple(c for c in costs if counted(c)), funding=tuple(f for f in funding if counted(f)))
        try:
            figures = budget_service.figures_of(data)
        except ValueError as exc:  # e.g. a currency code that is not one
            self.summary.setText(f"<span style='color:{OVERDUE}'>{escape(str(exc))}</span>")
            return
        for number, line in enumerate(costs):
            total = line.total(participants) if counted(line) else None
            self.costs.model.set_value(number, "total", format_amount(total) if total is not None else "")
        for number, line in enumerate(funding):
            share = budget_share(line.amount, figures.costs) if counted(line) else None
            self.funding.model.set_value(number, "share", format_quantity(share, "%"))
        left_out = [f"{what} row {n}" for what, lines in (("cost", costs), ("funding", funding))
                    for n, line in enumerate(lines, start=1)
                    if not counted(line) and (line.amount is not None or line.description.strip())]
        self.summary.setText(summary_html(figures, data.co_funding_model, self.linked, left_out))

    # --- load and save --------------------------------------------------------------------------

    def fill(self, detail) -> None:
        data = detail.data if detail else budget_service.BudgetInput("")
        self._fill_choices(data.activity_id)
        self.linked = detail.activity if detail else None
        self.title.setText("New budget" if detail is None else
                           data.name + ("  (in the bin)" if detail.deleted else ""))
        self.name.setText(data.name)
        self.currency.setCurrentText(data.currency)
        self.participants.setValue(data.participants or 0)
        select_data(self.model, data.co_funding_model)
        self.notes.setPlainText(data.notes)
        self.costs.set_rows([{"id": c.id, "category": c.category, "description": c.description,
                              "amount": format_amount(c.amount), "per_participant": c.per_participant}
                             for c in data.costs])
        self.funding.set_rows([{"id": f.id, "source_id": f.source_id, "description": f.description,
                                "amount": format_amount(f.amount), "secured": f.secured}
                               for f in data.funding])
        self.copy_button.setEnabled(detail is not None and detail.activity is not None)
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(detail is not None)
        self.recalculate()

    def collect(self) -> budget_service.BudgetInput:
        currency, costs, funding, problems = self._read_lines()
        errors = {key: "; ".join(found) for key, found in problems.items() if found}
        data = budget_service.BudgetInput(
            self.name.text(), self.activity.currentData(), currency, self.participants.value() or None,
            self.model.currentData(), self.notes.toPlainText(), costs, funding, self.version)
        refuse_with_everything(errors, lambda: budget_service.validate_budget(data))
        return data


    def copy_to_activity(self) -> None:
        if self.record_id is None or (self.dirty and not self.save()):
            return
        result = self.controller.run_op(self, "Copy to activity", budget_service.copy_to_activity, self.record_id)
        if result is not None:
            self.load(result[0])
            linked = result[0].activity
            self.controller.status.emit(f"“{linked.name}” ({format_date(linked.starts_on)}) now shows this "
                                        "budget's total and price.")
