"""The pipeline as a board: one column per stage (idea → concept → consortium → application →
funded, and dropped) with its count, one card per idea showing its next step. Arrow keys move
between cards and columns, Ctrl+Left / Ctrl+Right moves the idea to the next stage, Enter
opens it in the editor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.formatting import format_date
from ...domain.network import Maturity
from ...domain.text import plural
from ..common.theme import DONE, DUE_SOON, OVERDUE

CARD_ROLE = Qt.ItemDataRole.UserRole + 30
# A column is a lane in the window's colour; each idea a card on it.
CARDS_STYLE = """
QListWidget { background: palette(window); border: 1px solid palette(mid); }
QListWidget::item { background: palette(base); border: 1px solid palette(mid); border-radius: 4px;
                    margin: 3px; }
QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }
"""
SOON_DAYS = 7


class IdeaBoard(QWidget):
    open_requested = Signal(object)  # the idea's row
    move_requested = Signal(object, int)  # the idea's row, -1 (left) or +1 (right)
    current_changed = Signal(object)  # the idea's row

    def __init__(self, today, parent=None) -> None:
        super().__init__(parent)
        self._today = today
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.headers: dict[Maturity, QLabel] = {}
        self.columns: dict[Maturity, QListWidget] = {}
        for stage in Maturity:
            column = QVBoxLayout()
            header = QLabel()
            header.setProperty("role", "subheading")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cards = QListWidget()
            cards.setWordWrap(True)
            cards.setStyleSheet(CARDS_STYLE)
            cards.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            cards.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            cards.setToolTip("Enter opens the idea · Ctrl+Left / Ctrl+Right moves it to another stage")
            cards.installEventFilter(self)
            cards.itemActivated.connect(lambda item: self.open_requested.emit(item.data(CARD_ROLE)))
            cards.currentItemChanged.connect(self._current_changed)
            column.addWidget(header)
            column.addWidget(cards, 1)
            layout.addLayout(column, 1)
            self.headers[stage], self.columns[stage] = header, cards
        self._rows: list = []

    def set_rows(self, rows) -> None:
        """Show the ideas, keeping the card that was current (wherever it moved)."""
        current = self.current()
        self._rows = list(rows)
        today = self._today()
        for stage, cards in self.columns.items():
            cards.blockSignals(True)
            cards.clear()
            mine = sorted((r for r in rows if r.maturity == stage.value),
                          key=lambda r: (r.open_step_on is None, r.open_step_on or today, r.title.casefold()))
            for row in mine:
                item = QListWidgetItem(self._card_text(row))
                item.setData(CARD_ROLE, row)
                item.setToolTip(self._card_tip(row))
                colour = self._card_colour(row, today)
                if colour:
                    item.setForeground(QBrush(QColor(colour)))
                cards.addItem(item)
            cards.blockSignals(False)
            self.headers[stage].setText(f"{stage.label} ({len(mine)})")
        if current is not None:
            self.go_to(current.id)

    @staticmethod
    def _card_text(row) -> str:
        lines = [row.title]
        if row.open_step_on is not None:
            lines.append(f"→ {format_date(row.open_step_on)}: {row.next_step}")
        elif row.next_step and not row.next_step_done:
            lines.append(f"→ {row.next_step}")
        counts = [plural(len(row.members), "member"), plural(len(row.partners), "partner"),
                  plural(len(row.calls), "call")]
        shown = [text for text, n in zip(counts, (row.members, row.partners, row.calls), strict=True) if n]
        if shown:
            lines.append(" · ".join(shown))
        return "\n".join(lines)

    @staticmethod
    def _card_tip(row) -> str:
        parts = [row.title]
        if row.members:
            parts.append("Members: " + ", ".join(row.members))
        if row.partners:
            parts.append("Partners abroad: " + ", ".join(row.partners))
        if row.calls:
            parts.append("Calls: " + ", ".join(row.calls))
        if row.owner:
            parts.append(f"Owner: {row.owner}")
        return "\n".join(parts)

    @staticmethod
    def _card_colour(row, today) -> str | None:
        if row.maturity == Maturity.FUNDED.value:
            return DONE
        if row.maturity == Maturity.DROPPED.value:
            return "#8a96a3"
        due = row.open_step_on
        if due is not None and due < today:
            return OVERDUE
        if due is not None and (due - today).days <= SOON_DAYS:
            return DUE_SOON
        return None

    # --- where the keyboard is -----------------------------------------------------------------

    def current(self):
        """The idea whose card is current (in the column that has, or last had, the focus)."""
        focused = next((c for c in self.columns.values() if c.hasFocus()), None)
        for cards in ([focused] if focused else []) + list(self.columns.values()):
            item = cards.currentItem()
            if item is not None and item.isSelected():
                return item.data(CARD_ROLE)
        return None

    def go_to(self, idea_id) -> bool:
        for cards in self.columns.values():
            for number in range(cards.count()):
                if cards.item(number).data(CARD_ROLE).id == idea_id:
                    for other in self.columns.values():
                        if other is not cards:
                            other.clearSelection()
                    cards.setCurrentRow(number)
                    cards.setFocus()
                    return True
        return False

    def focus_first(self) -> None:
        for cards in self.columns.values():
            if cards.count():
                cards.setCurrentRow(max(0, cards.currentRow()))
                cards.setFocus()
                return
        next(iter(self.columns.values())).setFocus()

    def _current_changed(self, item, _previous) -> None:
        if item is not None:
            for other in self.columns.values():
                if other is not item.listWidget():
                    other.clearSelection()
            self.current_changed.emit(item.data(CARD_ROLE))

    def _step_column(self, cards: QListWidget, step: int) -> None:
        stages = list(self.columns)
        here = stages.index(next(s for s, c in self.columns.items() if c is cards))
        target = here + step
        while 0 <= target < len(stages) and not self.columns[stages[target]].count():
            target += step  # skip empty columns
        if 0 <= target < len(stages):
            other = self.columns[stages[target]]
            other.setCurrentRow(min(max(0, cards.currentRow()), other.count() - 1))
            other.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and obj in self.columns.values():
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = -1 if key == Qt.Key.Key_Left else 1
                if mods & Qt.KeyboardModifier.ControlModifier:
                    item = obj.currentItem()
                    if item is not None:
                        self.move_requested.emit(item.data(CARD_ROLE), step)
                else:
                    self._step_column(obj, step)
                return True
        return super().eventFilter(obj, event)
