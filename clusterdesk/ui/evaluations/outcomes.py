"""Evaluations ▸ Outcomes (§4.5.3): what each participant got out of an activity — new
contacts, partners, markets, research or innovation cooperation, contracts and orders with
their value — typed into a grid row by row, with the totals per currency beside it and who has not
reported anything yet."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.countries import all_countries, country_name
from ...domain.evaluations import OUTCOME_COLUMNS, OutcomeKind, OutcomeText
from ...domain.formatting import format_date, format_money
from ...domain.money import COMMON_CURRENCIES
from ...domain.text import plural
from ...services import evaluations as evaluation_service
from ...services import outcomes as outcome_service
from ...services.errors import ValidationError
from ..common.editable_rows import EditColumn
from ..common.forms import error_label, find_data
from ..common.messages import settle_unsaved
from ..common.save_bar import SaveBar
from ..common.tab import ListExport, TabPage
from ..common.table_model import Column
from .grid import ChoiceDelegate, GridModel, GridView

WIDTHS = {"member": 200, "kind": 185, "count": 48, "partner": 170, "country": 105, "value": 95,
          "currency": 60, "occurred_on": 85}
TIPS = {"member": "The participant who reported it (type part of the name)",
        "kind": "New contacts, new partner, new market, research or innovation cooperation, "
                "contract or agreement, order",
        "count": "How many new contacts (other outcomes: one row each)",
        "value": "Contracts and orders: the value, e.g. 850.000 or 42.500,50",
        "occurred_on": "When it happened, e.g. 12-10-2026"}
GRID_COLUMNS = tuple(EditColumn(key, title, WIDTHS.get(key, 0), TIPS.get(key, ""))
                     for key, title in OUTCOME_COLUMNS.items())
EXPORT_COLUMNS = (
    Column("member", "Participant", lambda o: o.member_name),
    Column("kind", "Outcome", lambda o: o.kind_label),
    Column("count", "Count", lambda o: o.count),
    Column("partner", "Partner", lambda o: o.partner),
    Column("country", "Country", lambda o: country_name(o.country) if o.country else ""),
    Column("value", "Value", lambda o: o.value.amount if o.value else None),
    Column("currency", "Currency", lambda o: o.value.currency if o.value else ""),
    Column("date", "Date", lambda o: o.occurred_on),
    Column("note", "Note", lambda o: o.note),
)


def _row_dict(line) -> dict:
    text = line.as_text()
    return {"id": line.id, "version": line.version, **{k: getattr(text, k) for k in OUTCOME_COLUMNS}}


class OutcomesView(TabPage):
    kinds = ("outcomes", "activities", "participants", "members")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.activity_id = None
        self.lines: list = []
        self.dirty = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        top = QHBoxLayout()
        self.activity = QComboBox()
        self.activity.setMinimumWidth(380)
        self.activity.setToolTip("The activity whose outcomes are shown")
        self.activity.activated.connect(lambda _i: self._activity_chosen())
        label = QLabel("&Activity:")
        label.setBuddy(self.activity)
        top.addWidget(label)
        top.addWidget(self.activity, 1)
        self.bin_toggle = QCheckBox("&Bin")
        self.bin_toggle.setToolTip("Outcomes taken out of the grid, to restore them")
        self.bin_toggle.toggled.connect(lambda _on: self.load())
        top.addWidget(self.bin_toggle)
        layout.addLayout(top)
        body = QHBoxLayout()
        left = QVBoxLayout()
        body.addLayout(left, 1)
        self.hint = QLabel("Type straight into the grid: Enter goes down, Tab goes right, Insert adds "
                           "a row, Delete takes one out, Ctrl+S saves them all.")
        self.hint.setProperty("role", "hint")
        left.addWidget(self.hint)
        self.model = GridModel(GRID_COLUMNS, self, right_keys=("count", "value"))
        self.model.changed.connect(lambda: self._set_dirty(True))
        self.grid = GridView(self.model, add=self.add_row, remove=self.remove_row)
        self.grid.setItemDelegateForColumn(0, ChoiceDelegate(lambda: list(self.members.values()), self))
        self.grid.setItemDelegateForColumn(1, ChoiceDelegate(lambda: [k.label for k in OutcomeKind], self))
        self.grid.setItemDelegateForColumn(4, ChoiceDelegate(lambda: [n for _c, n in all_countries()], self))
        self.grid.setItemDelegateForColumn(6, ChoiceDelegate(lambda: list(COMMON_CURRENCIES), self))
        left.addWidget(self.grid, 1)
        self.errors = error_label()
        left.addWidget(self.errors)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add &row")
        self.add_button.setToolTip("A new outcome at the end (Insert in the grid)")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton("Ta&ke out")
        self.remove_button.setToolTip("Take the selected outcome out; saved, it goes to the bin (Delete)")
        self.remove_button.clicked.connect(self.remove_row)
        self.restore_button = QPushButton("Rest&ore")
        self.restore_button.setToolTip("Bring the selected outcome back from the bin")
        self.restore_button.clicked.connect(self.restore)
        for button in (self.add_button, self.remove_button, self.restore_button):
            row.addWidget(button)
        self.save_bar = SaveBar("outcomes", self.save, self.revert)
        row.addWidget(self.save_bar, 1)
        left.addLayout(row)
        side = QWidget()
        side.setFixedWidth(270)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(10, 0, 0, 0)
        heading = QLabel("Saved so far")
        heading.setProperty("role", "subheading")
        side_layout.addWidget(heading)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        side_layout.addWidget(self.totals)
        side_layout.addSpacing(10)
        heading = QLabel("No outcome from")
        heading.setProperty("role", "subheading")
        side_layout.addWidget(heading)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setProperty("role", "hint")
        self.missing.setToolTip("Participants who came but have no outcome yet: worth a call (§4.5.3)")
        side_layout.addWidget(self.missing)
        side_layout.addStretch(1)
        body.addWidget(side)
        layout.addLayout(body, 1)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.members: dict = {}
        self._set_dirty(False)

    # --- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.ctx is None:
            return
        rows = [r for r in evaluation_service.list_evaluations(
            self.ctx, evaluation_service.EvaluationFilter(when="all")) if r.counted]
        current = self.activity_id
        self.activity.blockSignals(True)
        self.activity.clear()
        for r in rows:
            self.activity.addItem(f"{r.name}  ·  {format_date(r.last_day)}  ·  {plural(r.outcomes, 'outcome')}",
                                  r.activity_id)
        if current is None:
            today = self.controller.today()
            current = next((r.activity_id for r in rows if r.last_day < today), rows[0].activity_id if rows else None)
        self.activity.setCurrentIndex(max(0, find_data(self.activity, current)))
        self.activity.blockSignals(False)
        if not self.dirty:
            self.activity_id = self.activity.currentData()
            self.load()

    def load(self) -> None:
        ctx = self.ctx
        self.errors.hide()
        binned = self.bin_toggle.isChecked()
        if ctx is None or self.activity_id is None:
            self.lines = []
            self.model.set_rows([])
            self.totals.setText("No activity with participants yet.")
            self.missing.clear()
            self._set_dirty(False)
            return
        self.members = outcome_service.outcome_participants(ctx, self.activity_id)
        self.lines = outcome_service.list_outcomes(ctx, self.activity_id, deleted=binned)
        self.model.read_only = binned
        self.model.set_rows([_row_dict(line) for line in self.lines])
        self._show_totals(outcome_service.list_outcomes(ctx, self.activity_id) if binned else self.lines)
        self._set_dirty(False)
        for button in (self.add_button, self.remove_button):
            button.setVisible(not binned)
        self.restore_button.setVisible(binned)
        self.save_bar.setVisible(not binned)

    def _show_totals(self, lines) -> None:
        totals = outcome_service.totals(lines)
        if not lines:
            self.totals.setText("Nothing yet: type the first outcome into the grid.")
        else:
            rows = [f"{n} × {escape(OutcomeKind(k).label.lower())} <span style='color:#5b6773'>"
                    f"({plural(p, 'participant')})</span>" for k, n, p in totals.per_kind]
            rows += [f"<b>{escape(format_money(m))}</b> in contracts and orders" for m in totals.values]
            if totals.countries:
                rows.append("Countries: " + escape(", ".join(f"{country_name(c)} ({n})"
                                                            for c, n in totals.countries)))
            self.totals.setText("<br>".join(rows))
        reported = {line.member_id for line in lines}
        came = outcome_service.outcome_participants(self.ctx, self.activity_id, counted_only=True) \
            if self.activity_id else {}
        missing = [name for member_id, name in came.items() if member_id not in reported]
        self.missing.setText(", ".join(missing) if missing else "Everyone who came has reported something.")

    def show_activity(self, activity_id) -> bool:
        if activity_id == self.activity_id:
            return True
        if not self.confirm_discard():
            return False
        index = find_data(self.activity, activity_id)
        if index < 0:
            self.refresh()
            index = find_data(self.activity, activity_id)
        if index < 0:
            return False
        self.activity.setCurrentIndex(index)
        self.activity_id = activity_id
        self.load()
        return True

    def _activity_chosen(self) -> None:
        wanted = self.activity.currentData()
        if wanted == self.activity_id:
            return
        if not self.confirm_discard():
            self.activity.setCurrentIndex(max(0, find_data(self.activity, self.activity_id)))
            return
        self.activity_id = wanted
        self.load()

    # --- editing -------------------------------------------------------------------------------

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_bar.show_state(dirty, f"{plural(len(self.lines), 'outcome')} saved" if self.lines else "")

    def add_row(self) -> None:
        if self.bin_toggle.isChecked() or self.activity_id is None:
            return
        row = self.model.insert_row(self.model.rowCount())
        self.grid.go_to(row, "member")

    def remove_row(self) -> None:
        index = self.grid.currentIndex()
        if index.isValid() and not self.bin_toggle.isChecked():
            self.model.remove_row(index.row())

    def collect(self) -> list[outcome_service.OutcomeRowInput]:
        return [outcome_service.OutcomeRowInput(
            OutcomeText(**{k: str(r.get(k, "") or "") for k in OUTCOME_COLUMNS}), r.get("id"),
            r.get("version", 0)) for r in self.model.rows()]

    def save(self) -> bool:
        self.grid.commit_editing()
        if not self.dirty or self.activity_id is None:
            return True
        self.errors.hide()
        try:
            result = self.controller.run_op(self, "Save outcomes", outcome_service.save_outcomes,
                                            self.activity_id, self.collect())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        if result is None:
            return False
        self.controller.status.emit(f"Outcomes saved: {plural(len(result[0]), 'outcome')}.")
        self.load()
        return True

    def show_errors(self, errors: dict[str, str]) -> None:
        """Mark each refused cell and say, row by row, what is wrong; the typing stays."""
        marks = {}
        for key in errors:
            place = outcome_service.error_place(key)
            if place is not None:
                marks[(place[0] - 1, place[1])] = errors[key]
        self.model.set_errors(marks)
        lines = [f"Row {row + 1}, {OUTCOME_COLUMNS[column]}: {message}"
                 for (row, column), message in sorted(marks.items())]
        self.errors.setText("Not saved — " + "; ".join(lines[:8]) + (" …" if len(lines) > 8 else ""))
        self.errors.show()
        if marks:
            row, column = min(marks)
            self.grid.go_to(row, column)

    def revert(self) -> None:
        self.load()

    def restore(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid() or not self.bin_toggle.isChecked():
            return
        line = self.lines[index.row()]
        if self.controller.run_op(self, "Restore outcome", outcome_service.restore_outcomes, [line.id]):
            self.controller.status.emit(f"Back: {line.kind_label} of {line.member_name}.")

    def confirm_discard(self) -> bool:
        if not self.dirty:
            return True
        return settle_unsaved(self, "Save the outcomes you typed first?", self.save, self.load)

    def on_changed(self, changes) -> None:
        if changes.touches(*self.kinds) and not self.dirty:
            self.refresh()

    def focus_primary(self) -> None:
        self.grid.setFocus()
        if not self.grid.currentIndex().isValid() and self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(0, 0))

    def list_export(self) -> ListExport:
        name = self.activity.currentText().split("  ·  ")[0]
        return ListExport(f"Outcomes – {name}", EXPORT_COLUMNS, list(self.lines))

