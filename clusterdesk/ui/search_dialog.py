"""Ctrl+K: type a few letters, arrow to a hit, Enter opens it in its tab."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from ..services.search import SearchHit, search_everything

HIT_ROLE = Qt.ItemDataRole.UserRole + 20
KIND_LABELS = {"member": "Member", "contact": "Contact", "partner": "Partner",
               "activity": "Activity", "call": "Funding call", "stakeholder": "Stakeholder",
               "partnership": "Meta-cluster", "service": "Service", "partner-request": "Partner search",
               "idea": "Project idea"}


class SearchDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Find anything")
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        self.box = QLineEdit()
        self.box.setPlaceholderText("Members, contacts, partners, activities… (type two letters)")
        self.box.setClearButtonEnabled(True)
        layout.addWidget(self.box)
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        layout.addWidget(self.results, 1)
        self.hint = QLabel("↑ ↓ to choose · Enter to open · Esc to close")
        self.hint.setProperty("role", "hint")
        layout.addWidget(self.hint)
        self._timer = QTimer(self, singleShot=True, interval=80)
        self._timer.timeout.connect(self._search)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._open_current)
        self.results.itemActivated.connect(lambda _i: self._open_current())
        self.box.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        # Arrow keys in the box move through the results, so hands stay on the keyboard.
        if obj is self.box and event.type() == event.Type.KeyPress and event.key() in (
                Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.results.keyPressEvent(event)
            return True
        return super().eventFilter(obj, event)

    def _search(self) -> None:
        ctx = self.window_.controller.ctx
        self.results.clear()
        if ctx is None:
            return
        for hit in search_everything(ctx, self.box.text()):
            item = QListWidgetItem(f"{hit.title}    — {KIND_LABELS.get(hit.kind, hit.kind)}"
                                   + (f" · {hit.detail}" if hit.detail else ""))
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.hint.setText(f"{self.results.count()} found · Enter to open · Esc to close")
        else:
            self.hint.setText("Nothing found" if len(self.box.text().strip()) >= 2 else
                              "↑ ↓ to choose · Enter to open · Esc to close")

    def search_now(self, text: str) -> None:
        self.box.setText(text)
        self._timer.stop()
        self._search()

    def _open_current(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._search()
        item = self.results.currentItem()
        if item is None:
            return
        hit: SearchHit = item.data(HIT_ROLE)
        self.accept()
        self.window_.open_hit(hit)
