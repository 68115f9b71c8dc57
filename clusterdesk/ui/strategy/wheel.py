"""Strategy ▸ Strategy wheel: the year's milestones — member survey, strategy day, proposal,
board, general assembly — drawn as a wheel and listed beside it. Space (or Ctrl+D) ticks
the chosen one off with who and when; Enter moves it or changes its note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateParseError
from ...domain.formatting import format_date, format_datetime
from ...domain.strategy import WheelStep
from ...services import strategy_wheel as wheel_service
from ...services.errors import ValidationError
from ..common.forms import DateField, with_message
from ..common.record_dialog import RecordDialog
from ..common.tab import ListExport, TabPage
from ..common.table_model import ROW_ROLE, Column
from ..common.table_view import sorted_table
from ..common.tables import RowChooser, select_row_with_id
from ..common.theme import DONE, OVERDUE
from .plan_rows import initials
from .wheel_widget import WheelWidget

COLUMNS = (
    Column("step", "Milestone", lambda m: list(WheelStep).index(WheelStep(m.step)), width=140,
           text_of=lambda m: m.label, tooltip=lambda m: WheelStep(m.step).purpose),
    Column("due", "Date", lambda m: m.due_on, format_date, width=95),
    Column("done", "Done", lambda m: m.done_at, width=175,
           text_of=lambda m: f"✓ {initials(m.done_by)}, {format_datetime(m.done_at)}" if m.done else "",
           tooltip=lambda m: f"Done by {m.done_by}" if m.done else ""),
    Column("note", "Note", lambda m: m.note, tooltip=lambda m: m.note),
)
EXPORT_COLUMNS = (
    Column("year", "Year", lambda m: m.year),
    Column("step", "Milestone", lambda m: m.label),
    Column("due", "Date", lambda m: m.due_on),
    Column("done_by", "Done by", lambda m: m.done_by),
    Column("done_at", "Done at", lambda m: m.done_at),
    Column("note", "Note", lambda m: m.note),
)


class MilestoneDialog(RecordDialog):
    """Move a milestone or change its note."""

    noun = "milestone"

    def __init__(self, controller, milestone, parent=None) -> None:
        super().__init__(controller, parent)
        self.milestone = milestone
        self.setWindowTitle(f"{milestone.label} {milestone.year}")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        purpose = QLabel(WheelStep(milestone.step).purpose)
        purpose.setWordWrap(True)
        purpose.setProperty("role", "hint")
        layout.addWidget(purpose)
        form = QFormLayout()
        self.due_on = DateField(today=controller.today)
        self.due_on.set_date(milestone.due_on)
        self.note = QLineEdit(milestone.note)
        self.note.setPlaceholderText("e.g. who takes part, where, what came out of it")
        form.addRow("&Date:", with_message(self.due_on))
        form.addRow("&Note:", self.note)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        self.fields = {"due_on": self.due_on, "note": self.note}
        self.labels = {"due_on": "Date", "note": "Note"}
        self.add_buttons(layout)
        self.due_on.setFocus()
        self.due_on.selectAll()

    def snapshot(self) -> tuple:
        return (self.due_on.text(), self.note.text())

    def collect(self):
        try:
            due = self.due_on.date()
        except DateParseError as exc:
            raise ValidationError({"due_on": str(exc)}) from exc
        return wheel_service.MilestoneInput(due, self.note.text(), self.milestone.version)

    def write(self, data):
        return self.controller.run_op(self, "Save milestone", wheel_service.update_milestone,
                                      self.milestone.id, data)


class WheelView(TabPage):
    kinds = ("strategy_milestones",)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        top = QHBoxLayout()
        label = QLabel("&Year:")
        self.year = QComboBox()
        self.year.setMinimumContentsLength(6)
        label.setBuddy(self.year)
        self.year.currentIndexChanged.connect(self._year_chosen)
        self.start_button = QPushButton()
        self.start_button.setToolTip("Give the year its five milestones at the usual dates; move them after")
        self.start_button.clicked.connect(self.start_year)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        top.addWidget(label)
        top.addWidget(self.year)
        top.addWidget(self.start_button)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.wheel = WheelWidget()
        self.wheel.milestone_clicked.connect(self.select_milestone)
        splitter.addWidget(self.wheel)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.table, self.model, self.proxy = sorted_table(COLUMNS, self)
        self.table.setToolTip("Space or Ctrl+D ticks the milestone off; Enter moves it or changes its note")
        self.model.decorate = self._colour
        self.chooser = RowChooser(self.table, self._chosen, lambda: True)
        self.table.doubleClicked.connect(lambda _index: self.edit_milestone())
        column.addWidget(self.table, 1)
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.purpose.setProperty("role", "hint")
        column.addWidget(self.purpose)
        buttons = QHBoxLayout()
        self.tick_button = QPushButton("Mark &done")
        self.tick_button.setToolTip("Tick the chosen milestone off, or open it again (Space, Ctrl+D)")
        self.tick_button.clicked.connect(self.toggle_done)
        self.edit_button = QPushButton("&Move or note…")
        self.edit_button.setToolTip("Change the date or the note of the chosen milestone (Enter)")
        self.edit_button.clicked.connect(self.edit_milestone)
        buttons.addWidget(self.tick_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([740, 600])
        layout.addWidget(splitter, 1)
        for keys, slot in ((QKeySequence(Qt.Key.Key_Space), self.toggle_done),
                           (QKeySequence(Qt.Key.Key_Return), self.edit_milestone),
                           (QKeySequence(Qt.Key.Key_Enter), self.edit_milestone)):
            shortcut = QShortcut(keys, self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+D"), self, self.toggle_done)
        self.rows: list = []

    # --- loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.ctx is None:
            return
        today = self.ctx.today()
        years = wheel_service.wheel_years(self.ctx)
        shown = self.year.currentData() if self.year.count() else None
        if shown is None:
            shown = today.year if today.year in years else (years[0] if years else today.year)
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted(set(years) | {today.year, shown}, reverse=True):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(shown)))
        self.year.blockSignals(False)
        self._load(shown)

    def _year_chosen(self, *_args) -> None:
        if self.year.currentData() is not None:
            self._load(self.year.currentData())

    def _load(self, year: int) -> None:
        current = self.chooser.current_id()
        self.rows = wheel_service.wheel(self.ctx, year)
        self.model.set_rows(self.rows)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        today = self.ctx.today()
        self.start_button.setText(f"&Start the {self._year_to_start()} wheel")
        done = sum(1 for m in self.rows if m.done)
        late = sum(1 for m in self.rows if not m.done and m.due_on < today)
        self.summary.setText(f"{done} of {len(self.rows)} milestones done" + (f", {late} overdue" if late else "")
                             if self.rows else "No milestones for this year yet.")
        wanted = current if any(m.id == current for m in self.rows) else self._next_open()
        self.wheel.show_wheel(year, self.rows, today, wanted)
        if wanted is not None:
            self.chooser.go_to(wanted)
            self._show_purpose(wanted)
        self._enable()

    def _next_open(self):
        open_rows = sorted((m for m in self.rows if not m.done), key=lambda m: m.due_on)
        return open_rows[0].id if open_rows else (self.rows[0].id if self.rows else None)

    def _colour(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.done:
                return QBrush(QColor(DONE))
            if row.due_on < self.ctx.today():
                return QBrush(QColor(OVERDUE))
        return None

    def _chosen(self, milestone_id) -> None:
        self.wheel.mark_chosen(milestone_id)
        self._show_purpose(milestone_id)
        self._enable()

    def _show_purpose(self, milestone_id) -> None:
        milestone = next((m for m in self.rows if m.id == milestone_id), None)
        self.purpose.setText(WheelStep(milestone.step).purpose if milestone else "")

    def _enable(self) -> None:
        chosen = self.current()
        self.tick_button.setEnabled(chosen is not None)
        self.edit_button.setEnabled(chosen is not None)
        if chosen is not None:
            self.tick_button.setText("Open &again" if chosen.done else "Mark &done")

    def current(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_milestone(self, milestone_id) -> bool:
        """Show the milestone (in its year) and choose it."""
        if not any(m.id == milestone_id for m in self.rows):
            for year in wheel_service.wheel_years(self.ctx):
                if any(m.id == milestone_id for m in wheel_service.wheel(self.ctx, year)):
                    self.year.setCurrentIndex(max(0, self.year.findData(year)))
                    break
        found = select_row_with_id(self.table, milestone_id)
        self.table.setFocus()
        return found

    # --- actions ---------------------------------------------------------------------------------

    def _year_to_start(self) -> int:
        """The year shown while it lacks milestones, else the year after the newest wheel."""
        shown = self.year.currentData() or self.ctx.today().year
        if len(self.rows) < len(WheelStep):
            return shown
        return max([shown, *wheel_service.wheel_years(self.ctx)]) + 1

    def start_year(self) -> None:
        year = self._year_to_start()
        result = self.controller.run_op(self, "Start the strategy wheel", wheel_service.start_wheel, year)
        if result is not None:
            if self.year.findData(year) < 0:
                self.year.addItem(str(year), year)
            self.year.setCurrentIndex(self.year.findData(year))
            self.controller.status.emit(f"The {year} wheel has its milestones; move them to your dates (Enter).")
            self.table.setFocus()

    def toggle_done(self) -> None:
        milestone = self.current()
        if milestone is None:
            return
        result = self.controller.run_op(self, "Tick milestone", wheel_service.tick_milestone, milestone.id,
                                        not milestone.done)
        if result is not None:
            self.controller.status.emit(f"{milestone.label}: " + ("done." if result[0].done else "open again."))
            self.select_milestone(milestone.id)

    def edit_milestone(self) -> None:
        milestone = self.current()
        if milestone is not None and MilestoneDialog(self.controller, milestone, self).exec():
            self.select_milestone(milestone.id)

    def focus_primary(self) -> None:
        self.table.setFocus()

    def list_export(self) -> ListExport:
        return ListExport(f"Strategy wheel {self.year.currentData() or ''}".strip(), EXPORT_COLUMNS, self.rows)
