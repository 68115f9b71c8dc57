"""Today: everything overdue and coming up, from every part of the workspace, grouped by day
— a click (or Enter) opens the record in its tab, a click on the box (or Ctrl+D) marks it
done — and beside it the five phases with the handbook's questions and what the data says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.formatting import format_date
from ...services import today as today_service
from ..common.tab import ListExport, TabPage
from ..common.table_model import Column
from ..common.theme import ACCENT, DUE_SOON, OVERDUE

ITEM_ROLE = Qt.ItemDataRole.UserRole + 10
SOON_DAYS = 2
DONE_COLUMN, DUE_COLUMN, WHAT_COLUMN, WHO_COLUMN, DETAIL_COLUMN = range(5)

# record_kind → how to open it: (main window, AgendaItem) -> None. A part whose items appear
# on Today adds one entry here.
OPENERS: dict[str, Callable] = {
    "interactions": lambda window, item: window.show_tab("members").open_interaction(
        item.member_id, item.record_id),
    "checklist_items": lambda window, item: window.show_tab("missions").open_checklist(
        item.activity_id, item.record_id),
    "activities": lambda window, item: window.show_tab("missions").open_activity(item.record_id),
    "call_deadlines": lambda window, item: window.show_tab("finance").open_record("deadline", item.record_id),
    "activity_evaluations": lambda window, item: window.show_tab("evaluations").open_activity(
        item.activity_id),
    "kpis": lambda window, item: window.show_tab("strategy").open_kpi(item.record_id),
    "sub_activities": lambda window, item: window.show_tab("strategy").open_sub_activity(item.record_id),
    "strategy_milestones": lambda window, item: window.show_tab("strategy").open_milestone(item.record_id),
    "campaign_targets": lambda window, item: window.show_tab("members").open_call(
        item.campaign_id, item.record_id),
}
# phase number → (tab key, title) to go on from the phase's questions
PHASE_TABS = {1: ("members", "Members"), 2: ("finance", "Finance"), 3: ("strategy", "Strategy"),
              4: ("missions", "Missions"), 5: ("network", "Network")}


def ask_done_or_open(parent: QWidget, item: today_service.AgendaItem,
                     source: today_service.AgendaSource) -> str | None:
    """For an item whose ticking off records more than "done": "done", "open" (the default,
    e.g. the call screen) or None."""
    box = QMessageBox(QMessageBox.Icon.Question, "Mark done", item.title,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(source.done_means)
    open_button = box.addButton(f"&Open {source.opens or 'it'}", QMessageBox.ButtonRole.AcceptRole)
    done_button = box.addButton("&Mark done", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(cancel)
    box.setDefaultButton(open_button)
    box.exec()
    clicked = box.clickedButton()
    return "open" if clicked is open_button else "done" if clicked is done_button else None


def day_group(due: date, today: date) -> str:
    """The heading an item stands under: Overdue, Today, Tomorrow, or its weekday and date."""
    if due < today:
        return "Overdue"
    if due == today:
        return f"Today — {format_date(due, style='EEEE d MMMM')}"
    if due == today + timedelta(days=1):
        return f"Tomorrow — {format_date(due, style='EEEE d MMMM')}"
    return format_date(due, style="EEEE d MMMM" if due.year == today.year else "EEEE d MMMM y")


class TodayTab(TabPage):
    kinds = ("interactions", "members", "contacts", "checklist_items", "activities", "partners",
             "participants", "activity_partners", "funding_calls", "call_deadlines", "funding_sources",
             "budgets", "budget_costs", "budget_funding", "stakeholders", "staff_members",
             "staff_languages", "target_markets", "activity_evaluations", "answer_sets",
             "success_stories", "measurement_rounds", "indicator_sets", "strategy_versions", "kpis",
             "kpi_measurements", "action_plans", "sub_activities", "action_plan_targets",
             "strategy_milestones", "campaigns",
             "campaign_targets")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.done_button = QPushButton("Mark &done")
        self.done_button.setToolTip("Mark the selected item as done (Ctrl+D, or click its box)")
        self.done_button.clicked.connect(self.mark_done)
        top.addWidget(self.done_button)
        self.calendar_button = QPushButton("Export &calendar…")
        self.calendar_button.setToolTip("Activities and everything due as a .ics file for Outlook, "
                                        "Google or Apple Calendar (Ctrl+Shift+I)")
        self.calendar_button.clicked.connect(self.export_calendar)
        top.addWidget(self.calendar_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(["", "Due", "What", "Who", "Details"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._open_item)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemChanged.connect(self._box_changed)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # "Ahmed Rashid (AR)" whole in Who; the rest of what is cut short is in the tooltips.
        for column, width in ((DONE_COLUMN, 28), (DUE_COLUMN, 94), (WHAT_COLUMN, 395), (WHO_COLUMN, 132)):
            self.tree.setColumnWidth(column, width)
        self.tree.setToolTip("Click (or Enter) opens the record; click the box (or Ctrl+D) marks it done")
        splitter.addWidget(self.tree)

        self.phases = QWidget()
        self.phase_layout = QVBoxLayout(self.phases)
        self.phase_layout.setContentsMargins(12, 0, 4, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.phases)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text wraps
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([950, 384])

        QShortcut(QKeySequence("Ctrl+D"), self, self.mark_done)
        self.items: list[today_service.AgendaItem] = []
        self._filling = False
        self._phases_running = self._phases_again = False

    def focus_primary(self) -> None:
        self.tree.setFocus()
        if self.tree.currentItem() is None:
            first = next((self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())
                          if self.tree.topLevelItem(i).data(0, ITEM_ROLE) is not None), None)
            if first is not None:
                self.tree.setCurrentItem(first)

    # --- the agenda --------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.ctx is None:
            return
        today = self.ctx.today()
        self.heading.setText(f"Today — {format_date(today, style='full')}")
        current = self.selected_item()
        self.items = today_service.agenda(self.ctx)
        self._filling = True
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        group_of_last = None
        overdue = 0
        restore = None
        for item in self.items:
            group = day_group(item.due, today)
            if group != group_of_last:
                header = QTreeWidgetItem([group])
                header.setFont(0, bold)
                header.setForeground(0, QBrush(QColor(OVERDUE if group == "Overdue" else ACCENT)))
                header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: the keyboard skips it
                self.tree.addTopLevelItem(header)
                header.setFirstColumnSpanned(True)  # only takes once the item is in the tree
                group_of_last = group
            row = QTreeWidgetItem(["", format_date(item.due), item.title, item.owner, item.detail])
            row.setData(0, ITEM_ROLE, item)
            row.setToolTip(WHAT_COLUMN, item.title)
            row.setToolTip(DETAIL_COLUMN, item.detail)
            row.setToolTip(WHO_COLUMN, item.owner)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if today_service.can_complete(item):
                row.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(DONE_COLUMN, Qt.CheckState.Unchecked)
                row.setToolTip(DONE_COLUMN, "Mark done")
            else:
                row.setFlags(flags)
            if item.due < today:
                overdue += 1
                color = QBrush(QColor(OVERDUE))
            elif item.due <= today + timedelta(days=SOON_DAYS) and item.kind != "activity":
                color = QBrush(QColor(DUE_SOON))
            else:
                color = None
            if color is not None:
                for col in (DUE_COLUMN, WHAT_COLUMN):
                    row.setForeground(col, color)
            if item.kind == "activity":
                row.setFont(WHAT_COLUMN, bold)
            self.tree.addTopLevelItem(row)
            if current is not None and (item.kind, item.record_id) == (current.kind, current.record_id):
                restore = row
        self._filling = False
        if restore is not None:
            self.tree.setCurrentItem(restore)
        coming = len(self.items) - overdue
        self.summary.setText(
            f"{overdue} overdue · {coming} coming up in the next {today_service.HORIZON_DAYS} days"
            if self.items else "Nothing is due. Follow-up dates, checklist items and activities "
                               "appear here.")
        self.done_button.setEnabled(bool(self.items))
        self._update_phases()

    def selected_item(self) -> today_service.AgendaItem | None:
        current = self.tree.currentItem()
        return current.data(0, ITEM_ROLE) if current is not None else None

    def mark_done(self, item: today_service.AgendaItem | None = None) -> None:
        item = item or self.selected_item()
        if item is None or not today_service.can_complete(item):
            return
        source = today_service.source_of(item)
        if source is not None and source.done_means:
            choice = ask_done_or_open(self, item, source)
            if choice != "done":
                self._untick(item)
                if choice == "open":
                    self._open(item)
                return
        position = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else 0
        if self.controller.run_op(self, "Mark done", today_service.complete_item, item) is not None:
            self.controller.status.emit(f"Done: {item.title[:70]}")
            self._select_near(position)

    def _select_near(self, position: int) -> None:
        for index in list(range(position, self.tree.topLevelItemCount())) + list(range(position - 1, -1, -1)):
            row = self.tree.topLevelItem(index)
            if row is not None and row.data(0, ITEM_ROLE) is not None:
                self.tree.setCurrentItem(row)
                return

    def _box_changed(self, row: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != DONE_COLUMN or row.checkState(DONE_COLUMN) != Qt.CheckState.Checked:
            return
        item = row.data(0, ITEM_ROLE)
        self.tree.setCurrentItem(row)
        # Not now: marking done rebuilds the list, and the row is still inside its own signal.
        QTimer.singleShot(0, lambda: self.mark_done(item))

    def _clicked(self, row: QTreeWidgetItem, column: int) -> None:
        if column != DONE_COLUMN:
            self._open_item(row)

    def _open_item(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item = row.data(0, ITEM_ROLE)
        if item is not None:
            self._open(item)

    def _open(self, item: today_service.AgendaItem) -> None:
        opener = OPENERS.get(item.record_kind)
        window = self.window()
        if opener is not None and hasattr(window, "show_tab"):
            opener(window, item)

    def _untick(self, item: today_service.AgendaItem) -> None:
        """Clear a box ticked by a click that was then cancelled."""
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            if row.data(0, ITEM_ROLE) is item and row.checkState(DONE_COLUMN) != Qt.CheckState.Unchecked:
                self._filling = True
                row.setCheckState(DONE_COLUMN, Qt.CheckState.Unchecked)
                self._filling = False

    def export_calendar(self) -> None:
        from .calendar import export_calendar_dialog

        export_calendar_dialog(self, self.controller)

    # --- the five phases ---------------------------------------------------------------------------

    def _update_phases(self) -> None:
        """Work out the evidence in the background: in a big workspace it reads a year of
        interactions, and the agenda must not wait for it. Changes that arrive meanwhile
        ask for one more round, not one each."""
        if self._phases_running:
            self._phases_again = True
            return
        self._phases_running, self._phases_again = True, False
        ctx = self.ctx

        def done(overview) -> None:
            self._phases_running = False
            if self._phases_again:
                self._update_phases()
            elif ctx is self.ctx:
                self._fill_phases(overview)

        def failed(exc: BaseException, _trace: str) -> None:
            self._phases_running = False
            self.controller.status.emit(f"The phase overview could not be worked out: {exc}")

        self.controller.runner.run(lambda: today_service.phase_overview(ctx), done, failed)

    def _fill_phases(self, overviews) -> None:
        while self.phase_layout.count():
            child = self.phase_layout.takeAt(0)
            if child.widget() is not None:
                # Hidden at once: deleteLater alone leaves the old text painted under the new
                # until the event loop gets round to it.
                child.widget().hide()
                child.widget().deleteLater()
        for overview in overviews:
            phase = overview.phase
            title = QLabel(f"Phase {phase.number} — {phase.title}")
            title.setProperty("role", "subheading")
            title.setWordWrap(True)
            self.phase_layout.addWidget(title)
            for question in overview.questions:
                text = f"<b>{question.text}</b>"
                if question.evidence:
                    text += f"<br><span style='color:{ACCENT}'>▸ {question.evidence}</span>"
                label = QLabel(text)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setContentsMargins(8, 0, 0, 2)
                self.phase_layout.addWidget(label)
            key, tab_title = PHASE_TABS[phase.number]
            link = QLabel(f"<a href='{key}'>Open {tab_title} ›</a>")
            link.setContentsMargins(8, 0, 0, 10)
            link.linkActivated.connect(self._open_tab)
            self.phase_layout.addWidget(link)
        self.phase_layout.addStretch(1)

    def _open_tab(self, key: str) -> None:
        window = self.window()
        if hasattr(window, "show_tab"):
            window.show_tab(key)

    def list_export(self) -> ListExport:
        columns = (
            Column("due", "Due", lambda i: i.due),
            Column("kind", "Kind", lambda i: i.kind, today_service.kind_label),
            Column("title", "What", lambda i: i.title),
            Column("owner", "Who", lambda i: i.owner),
            Column("detail", "Details", lambda i: i.detail),
        )
        return ListExport("Today", columns, self.items)
