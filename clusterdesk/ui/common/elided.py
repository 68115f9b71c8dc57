"""Tooltips with the full text of a cell that does not fit its column: every list table
gets them, so a name or status cut short with "…" can always be read by pointing at it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QToolTip

TEXT_MARGIN = 10  # the padding the style leaves around a cell's text


def text_fits(text: str, metrics, rect: QRect, wrap: bool) -> bool:
    """Whether `text` shows whole in a cell of `rect` (on one line, or wrapped)."""
    width = rect.width() - TEXT_MARGIN
    if not wrap:
        return metrics.horizontalAdvance(text) <= width
    needed = metrics.boundingRect(QRect(0, 0, max(1, width), 10_000),
                                  int(Qt.TextFlag.TextWordWrap), text)
    return needed.height() <= rect.height() and needed.width() <= width


class ElidedToolTipDelegate(QStyledItemDelegate):
    """Shows the model's own tooltip if it has one; otherwise the cell's full text, but only
    when the cell is too narrow (or too short) to show all of it. Rows sized to their
    contents (wrapped text) get a little air above and below."""

    ROW_PADDING = 6

    def sizeHint(self, option, index):  # noqa: N802
        size = super().sizeHint(option, index)
        size.setHeight(size.height() + self.ROW_PADDING)
        return size

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802
        if event is None or view is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        if index.data(Qt.ItemDataRole.ToolTipRole):
            return super().helpEvent(event, view, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text and not text_fits(str(text), option.fontMetrics, view.visualRect(index),
                                  view.wordWrap()):
            QToolTip.showText(event.globalPos(), str(text), view)
            return True
        QToolTip.hideText()
        return False
