"""Evaluations ▸ Baselines (§4.5.1): an indicator set such as international gearing, its dated
rounds (baseline, mid-term, final), each round's values typed member by member, and the
rounds compared — averages, the change of the members measured in both, and a chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.evaluations import RoundKind
from ...domain.formatting import format_date
from ...domain.text import plural
from ...services import baseline_values
from ...services import baselines as baseline_service
from ..common.forms import find_data
from ..common.messages import confirm
from ..common.tab import ListExport, TabPage
from ..common.table_model import Column
from ..common.table_view import sorted_table
from ..common.tables import row_at, select_row_with_id
from .baseline_dialogs import IndicatorSetDialog, RoundDialog
from .comparison import ComparisonPanel
from .round_values import RoundValuesPanel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROUND_COLUMNS = (
    Column("date", "Measured", lambda r: r.data.measured_on, format_date, width=88),
    Column("name", "Round", lambda r: r.data.name, width=120, tooltip=lambda r: r.data.note),
    Column("kind", "Kind", lambda r: RoundKind(r.data.kind).label, width=70),
    Column("members", "Members", lambda r: r.members, align=RIGHT, width=60),
)


class BaselinesView(TabPage):
    kinds = ("indicator_sets", "indicators", "measurement_rounds", "measurements", "members")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.detail = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        top = QHBoxLayout()
        self.set_combo = QComboBox()
        self.set_combo.setMinimumWidth(260)
        self.set_combo.activated.connect(lambda _i: self._set_chosen())
        label = QLabel("&Indicator set:")
        label.setBuddy(self.set_combo)
        top.addWidget(label)
        top.addWidget(self.set_combo)
        self.description = QLabel()
        self.description.setProperty("role", "hint")
        self.description.setWordWrap(True)
        top.addWidget(self.description, 1)
        self.new_set_button = QPushButton("New set…")
        self.new_set_button.setToolTip("An indicator set of your own")
        self.new_set_button.clicked.connect(self.new_set)
        self.example_button = QPushButton("E&xample: international gearing")
        self.example_button.setToolTip("The handbook's example with four indicators and their scales")
        self.example_button.clicked.connect(self.example_set)
        self.edit_set_button = QPushButton("Edi&t set…")
        self.edit_set_button.setToolTip("Name, purpose, indicators and their scales")
        self.edit_set_button.clicked.connect(self.edit_set)
        self.delete_set_button = QPushButton("Delete set")
        self.delete_set_button.setToolTip("Move the set, with its rounds, to the bin (restore it with Bin)")
        self.delete_set_button.clicked.connect(self.delete_or_restore_set)
        self.set_bin = QCheckBox("Bin")
        self.set_bin.setToolTip("Indicator sets in the bin, to restore them")
        self.set_bin.toggled.connect(lambda _on: self.refresh())
        for widget in (self.new_set_button, self.example_button, self.edit_set_button,
                       self.delete_set_button, self.set_bin):
            top.addWidget(widget)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Rounds")
        heading.setProperty("role", "subheading")
        left_layout.addWidget(heading)
        self.rounds_view, self.rounds, self.rounds_proxy = sorted_table(ROUND_COLUMNS, self)
        self.rounds_view.selectionModel().currentRowChanged.connect(lambda *_: self._round_chosen())
        self.rounds_view.activated.connect(lambda _i: self.edit_round())
        left_layout.addWidget(self.rounds_view, 1)
        self.round_note = QLabel()
        self.round_note.setWordWrap(True)
        self.round_note.setProperty("role", "hint")
        left_layout.addWidget(self.round_note)
        buttons = QHBoxLayout()
        self.new_round_button = QPushButton("&New round…")
        self.new_round_button.setToolTip("A new measurement: baseline, mid-term, final (Ctrl+N)")
        self.new_round_button.clicked.connect(self.new_round)
        self.delete_round_button = QPushButton("&Delete")
        self.delete_round_button.setToolTip("Move the selected round to the bin (Delete)")
        self.delete_round_button.clicked.connect(self.delete_or_restore_round)
        self.round_bin = QCheckBox("&Bin")
        self.round_bin.setToolTip("Rounds in the bin, to restore them")
        self.round_bin.toggled.connect(lambda _on: self._show_rounds())
        for widget in (self.new_round_button, self.delete_round_button, self.round_bin):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        splitter.addWidget(left)

        self.tabs = QTabWidget()
        self.values = RoundValuesPanel(controller)
        self.comparison = ComparisonPanel()
        self.tabs.addTab(self.values, "Va&lues of the round")
        self.tabs.addTab(self.comparison, "Compare &rounds")
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([340, 990])
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_round)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.rounds_view, self.delete_or_restore_round)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    # --- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.ctx is None:
            return
        binned = self.set_bin.isChecked()
        rows = baseline_service.list_indicator_sets(self.ctx, deleted=binned)
        current = self.set_combo.currentData()
        self.set_combo.clear()
        for row in rows:
            self.set_combo.addItem(f"{row.name}  ({plural(row.rounds, 'round')})", row.id)
        self.set_combo.setCurrentIndex(max(0, find_data(self.set_combo, current)))
        self.delete_set_button.setText("Restore set" if binned else "Delete set")
        for widget in (self.new_set_button, self.example_button, self.edit_set_button):
            widget.setEnabled(not binned)
        self._load_set()

    def _set_chosen(self) -> None:
        if self.detail is not None and self.set_combo.currentData() == self.detail.id:
            return
        if not self.confirm_discard():
            self.set_combo.setCurrentIndex(max(0, find_data(self.set_combo, self.detail.id if self.detail else None)))
            return
        self._load_set()

    def _load_set(self) -> None:
        set_id = self.set_combo.currentData()
        self.detail = baseline_service.get_indicator_set(self.ctx, set_id) if set_id else None
        self.description.setText(self.detail.data.description if self.detail else
                                 "No indicator set yet: start from the handbook's example or make your own.")
        for widget in (self.edit_set_button, self.delete_set_button, self.new_round_button):
            widget.setEnabled(self.detail is not None and (widget is self.delete_set_button or not self.set_bin.isChecked()))
        self._show_rounds()
        self.comparison.show_comparison(
            baseline_values.compare(self.ctx, self.detail.id) if self.detail else None)

    def _show_rounds(self) -> None:
        current = self.current_round()
        binned = self.round_bin.isChecked()
        rows = [] if self.detail is None else (baseline_service.deleted_rounds(self.ctx, self.detail.id)
                                               if binned else list(self.detail.rounds))
        self.rounds.set_rows(rows)
        self.delete_round_button.setText("Rest&ore" if binned else "&Delete")
        if not (current and select_row_with_id(self.rounds_view, current.id)) and rows:
            self.rounds_view.selectRow(self.rounds_proxy.rowCount() - 1)  # the latest round
        self._round_chosen()
        if self.detail is None:
            self.values.heading.setText("Start with an indicator set: the handbook's example, or your own.")

    def current_round(self):
        return row_at(self.rounds_view)

    def _round_chosen(self) -> None:
        row = self.current_round()
        self.round_note.setText(row.data.note if row is not None else "")
        if row is not None and self.values.round is not None and row.id == self.values.round.id:
            return
        if not self.values.confirm_discard():
            select_row_with_id(self.rounds_view, self.values.round.id)
            return
        live = row is not None and not self.round_bin.isChecked()
        self.values.show_round(row.id if live else None)

    # --- sets --------------------------------------------------------------------------------

    def _after_set_saved(self, dialog) -> None:
        if dialog.exec() and dialog.record_id is not None:
            self.set_bin.setChecked(False)
            self.refresh()
            self.set_combo.setCurrentIndex(max(0, find_data(self.set_combo, dialog.record_id)))
            self._load_set()

    def new_set(self) -> None:
        self._after_set_saved(IndicatorSetDialog(self.controller, parent=self))

    def edit_set(self) -> None:
        if self.detail is not None:
            self._after_set_saved(IndicatorSetDialog(self.controller, self.detail, parent=self))

    def example_set(self) -> None:
        result = self.controller.run_op(self, "Example indicator set", baseline_service.create_example_set)
        if result:
            self.set_bin.setChecked(False)
            self.refresh()
            self.set_combo.setCurrentIndex(max(0, find_data(self.set_combo, result[0].id)))
            self._load_set()
            self.controller.status.emit(f"“{result[0].data.name}” added — add its first round (Ctrl+N).")

    def delete_or_restore_set(self) -> None:
        if self.detail is None:
            return
        name = self.detail.data.name
        if self.set_bin.isChecked():
            if self.controller.run_op(self, "Restore indicator set", baseline_service.restore_indicator_set,
                                      self.detail.id) is not None:
                self.controller.status.emit(f"“{name}” is back.")
            return
        if confirm(self, "Delete indicator set", f"Move “{name}” with its rounds to the bin?", "Delete") \
                and self.controller.run_op(self, "Delete indicator set", baseline_service.delete_indicator_set,
                                           self.detail.id) is not None:
            self.controller.status.emit(f"“{name}” moved to the bin — tick Bin to restore it.")

    # --- rounds ------------------------------------------------------------------------------

    def new_round(self) -> None:
        if self.detail is None or self.set_bin.isChecked():
            return
        dialog = RoundDialog(self.controller, self.detail.id, self.detail.data.name, parent=self)
        if dialog.exec() and dialog.record_id is not None:
            self.round_bin.setChecked(False)
            select_row_with_id(self.rounds_view, dialog.record_id)
            self.values.member.setFocus()

    def edit_round(self) -> None:
        row = self.current_round()
        if row is not None and self.detail is not None and not self.round_bin.isChecked():
            RoundDialog(self.controller, self.detail.id, self.detail.data.name, row, parent=self).exec()

    def delete_or_restore_round(self) -> None:
        row = self.current_round()
        if row is None:
            return
        if self.round_bin.isChecked():
            if self.controller.run_op(self, "Restore round", baseline_service.restore_round, row.id) is not None:
                self.controller.status.emit(f"“{row.name}” is back.")
            return
        if self.controller.run_op(self, "Delete round", baseline_service.delete_round, row.id) is not None:
            self.controller.status.emit(f"“{row.name}” moved to the bin — tick Bin to restore it.")

    # --- the contract ----------------------------------------------------------------------------

    def on_changed(self, changes) -> None:
        if changes.touches(*self.kinds) and not self.values.dirty:
            self.refresh()

    def confirm_discard(self) -> bool:
        return self.values.confirm_discard()

    def focus_primary(self) -> None:
        if self.values.model.rowCount():
            self.values.grid.setFocus()
        else:
            self.rounds_view.setFocus()

    def list_export(self) -> ListExport | None:
        if self.tabs.currentWidget() is self.comparison:
            return self.comparison.list_export()
        return self.values.list_export()
