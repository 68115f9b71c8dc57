"""Today: overdue and upcoming items, grouped by day; a double-click opens the record."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...domain.formatting import format_date
from ...services import today as today_service
from ..common.tab import ListExport, TabPage
from ..common.table_model import Column
from ..common.theme import DUE_SOON, OVERDUE

ITEM_ROLE = Qt.ItemDataRole.UserRole + 10


def day_group(due: date, today: date) -> str:
    if due < today:
        return "Overdue"
    if due == today:
        return "Today"
    if due == today + timedelta(days=1):
        return "Tomorrow"
    if due <= today + timedelta(days=7):
        return "This week"
    return "Later"


class TodayTab(TabPage):
    kinds = ("interactions", "members", "contacts")

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
        self.done_button.setToolTip("Mark the selected follow-up as done (Ctrl+D)")
        self.done_button.clicked.connect(self.mark_done)
        top.addWidget(self.done_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Due", "What", "Who", "Details"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._open_item)
        self.tree.setColumnWidth(0, 190)
        self.tree.setColumnWidth(1, 520)
        self.tree.setColumnWidth(2, 160)
        layout.addWidget(self.tree, 1)
        QShortcut(QKeySequence("Ctrl+D"), self, self.mark_done)
        self.items: list[today_service.AgendaItem] = []

    def focus_primary(self) -> None:
        self.tree.setFocus()

    def refresh(self) -> None:
        if self.ctx is None:
            return
        today = self.ctx.today()
        self.heading.setText(f"Today — {format_date(today, style='full')}")
        self.items = today_service.agenda(self.ctx)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont()
        bold.setBold(True)
        overdue = 0
        for item in self.items:
            group = day_group(item.due, today)
            if group not in groups:
                header = QTreeWidgetItem([group])
                header.setFirstColumnSpanned(True)
                header.setFont(0, bold)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(header)
                groups[group] = header
            row = QTreeWidgetItem(["   " + format_date(item.due), item.title, item.owner, item.detail])
            row.setData(0, ITEM_ROLE, item)
            if item.due < today:
                overdue += 1
                color = QBrush(QColor(OVERDUE))
            elif item.due <= today + timedelta(days=2):
                color = QBrush(QColor(DUE_SOON))
            else:
                color = None
            if color is not None:
                for col in range(2):
                    row.setForeground(col, color)
            self.tree.addTopLevelItem(row)
        coming = len(self.items) - overdue
        self.summary.setText(
            f"{overdue} overdue · {coming} coming up in the next 30 days" if self.items
            else "Nothing is due. Follow-up dates you set on interactions appear here.")
        self.done_button.setEnabled(bool(self.items))

    def selected_item(self) -> today_service.AgendaItem | None:
        current = self.tree.currentItem()
        return current.data(0, ITEM_ROLE) if current is not None else None

    def mark_done(self) -> None:
        item = self.selected_item()
        if item is None or item.kind != "follow-up":
            return
        self.controller.run_op(self, "Mark done", today_service.complete_follow_up, item.record_id)

    def _open_item(self, tree_item: QTreeWidgetItem) -> None:
        item = tree_item.data(0, ITEM_ROLE)
        if item is None or item.member_id is None:
            return
        window = self.window()
        if hasattr(window, "show_tab"):
            page = window.show_tab("members")
            if hasattr(page, "select_member"):
                page.select_member(item.member_id)

    def list_export(self) -> ListExport:
        columns = (
            Column("due", "Due", lambda i: i.due),
            Column("kind", "Kind", lambda i: i.kind),
            Column("title", "What", lambda i: i.title),
            Column("owner", "Who", lambda i: i.owner),
            Column("detail", "Details", lambda i: i.detail),
        )
        return ListExport("Today", columns, self.items)
