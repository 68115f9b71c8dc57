"""The checklist as a tree of sections and items, drawn as large rows: a big tick box, the
text wrapped to the width of the window, the due date (red when overdue, amber when due soon),
the owner, who ticked it and when, and the note. One click on the box, or Space, ticks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from ...domain.checklists import Progress, due_state, relative_day
from ...domain.formatting import format_date, format_datetime
from ..common.theme import ACCENT, DONE, DUE_SOON, OVERDUE

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 20
SECTION_ROLE = Qt.ItemDataRole.UserRole + 21  # (title, Progress) of a section row

BOX = 22
PAD = 8
DUE_WIDTH = 132
SECTION_HEIGHT = 34


@dataclass
class _Node:
    row: int
    parent: _Node | None = None
    section: str = ""
    progress: Progress = Progress()
    item: Any = None  # ChecklistItemRow
    children: list[_Node] = field(default_factory=list)


class ChecklistModel(QAbstractItemModel):
    """Sections at the top level, their items below. Ticking does not change the model: it
    asks (`tick_requested`), and the list is reloaded from the database after the write."""

    tick_requested = Signal(object, bool)  # ChecklistItemRow, done

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sections: list[_Node] = []
        self.today = date.today()

    def set_checklist(self, checklist, today: date, hide_done: bool = False) -> None:
        self.beginResetModel()
        self.today = today
        self._sections = []
        if checklist is not None:
            for title, items in checklist.sections():
                shown = [i for i in items if not (hide_done and i.done)]
                if not shown:
                    continue
                node = _Node(len(self._sections), section=title,
                             progress=checklist.section_progress(title))
                node.children = [_Node(n, node, item=item) for n, item in enumerate(shown)]
                self._sections.append(node)
        self.endResetModel()

    def items(self) -> list:
        return [child.item for node in self._sections for child in node.children]

    def index_of(self, item_id) -> QModelIndex:
        for node in self._sections:
            for child in node.children:
                if child.item.id == item_id:
                    return self.createIndex(child.row, 0, child)
        return QModelIndex()

    def item_indexes(self) -> list[QModelIndex]:
        return [self.createIndex(c.row, 0, c) for node in self._sections for c in node.children]

    # --- the Qt model ------------------------------------------------------------------------

    def _node(self, index: Index) -> _Node | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        siblings = self._sections if node is None else node.children
        if node is not None and node.item is not None:
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row]) if row < len(siblings) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.column() > 0:
            return 0
        node = self._node(parent)
        if node is None:
            return len(self._sections)
        return len(node.children) if node.item is None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if node.item is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{node.section} — {node.progress}"
            if role == SECTION_ROLE:
                return node.section, node.progress
            return None
        item = node.item
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [item.guidance] if item.guidance else []
            if item.rule is not None:
                tips.append(f"Due {item.rule.describe()}; moves when the activity moves.")
            elif item.due_on is not None:
                tips.append("A fixed date: it stays when the activity moves.")
            return "\n".join(tips) or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        node = self._node(index)
        if role != Qt.ItemDataRole.CheckStateRole or node is None or node.item is None:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self.tick_requested.emit(node.item, state == Qt.CheckState.Checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        if node.item is None:
            return Qt.ItemFlag.NoItemFlags  # headings: skipped by the keyboard
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable


# --- drawing ------------------------------------------------------------------------------------


def _colors(view) -> tuple[QColor, QColor]:
    palette = view.palette()
    return palette.text().color(), palette.placeholderText().color()


class ChecklistDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    # geometry shared by painting, sizing and clicking
    def _text_rect(self, rect: QRect) -> QRect:
        return QRect(rect.left() + BOX + 2 * PAD, rect.top() + PAD,
                     max(80, rect.width() - BOX - 3 * PAD - DUE_WIDTH), rect.height() - 2 * PAD)

    def box_rect(self, rect: QRect) -> QRect:
        return QRect(rect.left() + PAD, rect.top() + PAD + 1, BOX, BOX)

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        main = QFont(option.font)
        main.setPointSizeF(main.pointSizeF() * 1.12)
        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * 0.92)
        return main, small

    def _details(self, item) -> str:
        parts = []
        if item.owner:
            parts.append(f"Owner: {item.owner}")
        if item.done:
            parts.append(f"✓ {item.done_by}, {format_datetime(item.done_at)}")
        if item.note:
            parts.append(f"Note: {item.note}")
        return "   ·   ".join(parts)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        width = self.view.viewport().width() - self.view.indentation()
        item = index.data(ITEM_ROLE)
        if item is None:
            return QSize(width, SECTION_HEIGHT)
        main, small = self._fonts(option)
        text_width = self._text_rect(QRect(0, 0, width, 1000)).width()
        flags = Qt.TextFlag.TextWordWrap
        height = QFontMetrics(main).boundingRect(QRect(0, 0, text_width, 10000), flags, item.text).height()
        details = self._details(item)
        if details:
            height += 4 + QFontMetrics(small).boundingRect(QRect(0, 0, text_width, 10000), flags,
                                                           details).height()
        return QSize(width, max(BOX + 2 * PAD + 4, height + 2 * PAD + 2))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        try:
            section = index.data(SECTION_ROLE)
            if section is not None:
                self._paint_section(painter, option, *section)
            else:
                self._paint_item(painter, option, index.data(ITEM_ROLE))
        finally:
            painter.restore()

    def _paint_section(self, painter: QPainter, option, title: str, progress: Progress) -> None:
        rect = option.rect
        painter.fillRect(rect, self.view.palette().alternateBase())
        text, muted = _colors(self.view)
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.08)
        painter.setFont(bold)
        painter.setPen(text)
        bar_width = 90
        label = f"{progress.done} of {progress.total} done"
        label_width = QFontMetrics(option.font).horizontalAdvance(label) + 12
        title_rect = QRect(rect.left() + PAD, rect.top(), rect.width() - bar_width - label_width - 3 * PAD,
                           rect.height())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, title_rect.width()))
        painter.setFont(option.font)
        painter.setPen(QColor(DONE) if progress.done == progress.total else muted)
        label_rect = QRect(rect.right() - bar_width - label_width - PAD, rect.top(), label_width, rect.height())
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
        bar = QRect(rect.right() - bar_width - PAD + 6, rect.center().y() - 3, bar_width - 6, 7)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.view.palette().mid())
        painter.drawRoundedRect(bar, 3, 3)
        if progress.total:
            painter.setBrush(QColor(DONE))
            filled = QRect(bar.left(), bar.top(), round(bar.width() * progress.done / progress.total), bar.height())
            painter.drawRoundedRect(filled, 3, 3)

    def _paint_item(self, painter: QPainter, option, item) -> None:
        style = self.view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self.view)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = self.view.palette()
        text_color, muted = _colors(self.view)
        if selected:
            text_color = muted = palette.highlightedText().color()
        today = self.view.model().today if hasattr(self.view.model(), "today") else date.today()
        state = due_state(item.due_on, item.done, today)

        box = self.box_rect(rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # On the highlighted row the colours swap, so a ticked box stays visible.
        fill = QColor("#ffffff") if selected else QColor(ACCENT)
        tick = QColor(ACCENT) if selected else QColor("#ffffff")
        painter.setPen(QPen(fill if item.done else text_color, 1.6))
        painter.setBrush(fill if item.done else palette.base())
        painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 4, 4)
        if item.done:
            painter.setPen(QPen(tick, 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            x, y, s = box.left(), box.top(), BOX
            painter.drawPolyline([QPointF(x + .25 * s, y + .52 * s), QPointF(x + .43 * s, y + .7 * s),
                                  QPointF(x + .76 * s, y + .3 * s)])

        main, small = self._fonts(option)
        text_rect = self._text_rect(rect)
        painter.setFont(main)
        painter.setPen(muted if item.done and not selected else text_color)
        flags = Qt.TextFlag.TextWordWrap
        used = painter.boundingRect(text_rect, flags | Qt.AlignmentFlag.AlignTop, item.text)
        painter.drawText(text_rect, int(flags) | int(Qt.AlignmentFlag.AlignTop), item.text)
        details = self._details(item)
        if details:
            painter.setFont(small)
            painter.setPen(muted)
            detail_rect = QRect(text_rect.left(), used.bottom() + 4, text_rect.width(),
                                rect.bottom() - used.bottom())
            painter.drawText(detail_rect, int(flags) | int(Qt.AlignmentFlag.AlignTop), details)

        if item.due_on is not None:
            due_rect = QRect(rect.right() - DUE_WIDTH, rect.top() + PAD, DUE_WIDTH - PAD, rect.height())
            color = {"overdue": QColor(OVERDUE), "soon": QColor(DUE_SOON)}.get(state, text_color)
            if selected:
                color = text_color
            bold = QFont(option.font)
            bold.setBold(state in ("overdue", "soon"))
            painter.setFont(bold)
            painter.setPen(muted if item.done and not selected else color)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            painter.drawText(due_rect, align, format_date(item.due_on))
            if not item.done:
                painter.setFont(small)
                painter.setPen(color if state == "overdue" else muted)
                line = QFontMetrics(bold).height() + 2
                painter.drawText(due_rect.adjusted(0, line, 0, 0), align, relative_day(item.due_on, today))

    def editorEvent(self, event: QEvent, model, option, index: Index) -> bool:  # noqa: N802
        """One click on the box ticks or unticks (the rest of the row just selects)."""
        item = index.data(ITEM_ROLE)
        if item is None:
            return False
        if event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick) \
                and self.box_rect(option.rect).adjusted(-6, -6, 6, 6).contains(event.position().toPoint()):
            if event.type() == QEvent.Type.MouseButtonRelease:
                model.setData(index, Qt.CheckState.Unchecked if item.done else Qt.CheckState.Checked,
                              Qt.ItemDataRole.CheckStateRole)
            return True
        return False


class ChecklistTree(QTreeView):
    """The list of items; its keys: Space ticks, N writes a note, E (or F2) edits, Insert
    adds after, Delete removes."""

    key_action = Signal(str)  # "tick", "note", "edit", "add", "remove"

    KEYS = {
        Qt.Key.Key_Space: "tick",
        Qt.Key.Key_N: "note",
        Qt.Key.Key_E: "edit",
        Qt.Key.Key_F2: "edit",
        Qt.Key.Key_Insert: "add",
        Qt.Key.Key_Delete: "remove",
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(ChecklistDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        action = self.KEYS.get(Qt.Key(event.key()))
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if action is not None and plain:
            self.key_action.emit(action)
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped rows change height with the width
