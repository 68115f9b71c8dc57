"""Long work off the GUI thread with a progress bar and a cancel button: the service reports
progress from its worker thread through a signal, and polls a cancel token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QWidget,
)

from ...imports.progress import CancelToken, ImportCancelled


class ProgressRelay(QObject):
    """Callable from any thread; the signal arrives on the GUI thread."""

    progressed = Signal(str, int, int)

    def __call__(self, what: str, done: int, total: int) -> None:
        self.progressed.emit(what, done, total)


class JobBar(QWidget):
    """A progress bar, what is happening, and Cancel; hidden when nothing runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setProperty("role", "hint")
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop; nothing is changed (Esc)")
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.token: CancelToken | None = None
        self.alive = 0  # jobs not finished yet, superseded ones included
        self.on_idle: Callable[[], None] | None = None  # called when the last job has ended
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)
        self.hide()

    @property
    def running(self) -> bool:
        return self.token is not None

    def run(self, runner, work: Callable[[Callable, CancelToken], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], what: str = "Working") -> None:
        """Run `work(progress, cancel)` in the background; exactly one of the callbacks follows
        (a cancel reaches `on_error` as ImportCancelled). A job started while another runs
        supersedes it: the older one is cancelled and its result never delivered."""
        if self.token is not None:
            self.token.cancel()
        token = self.token = CancelToken()
        self.alive += 1
        self.label.setText(what + "…")
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.show()

        def done(result) -> None:
            if self._finish(token):
                on_done(result)

        def failed(exc: BaseException, _trace: str) -> None:
            if self._finish(token):
                on_error(exc)

        runner.run(lambda: work(self.relay, token), done, failed)

    def _finish(self, token: CancelToken) -> bool:
        """True when the finished job is the current one (its result counts)."""
        self.alive -= 1
        current = self.token is token
        if current:
            self.token = None
            self.hide()
        if not self.alive and self.on_idle is not None:
            self.on_idle()
        return current

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()
            self.label.setText("Cancelling…")
            self.cancel_button.setEnabled(False)

    def _progressed(self, what: str, done: int, total: int) -> None:
        if self.token is None:
            return
        self.label.setText(what + "…")
        if total <= 1:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.bar.setFormat(f"{done:,} of {total:,}")


def was_cancelled(exc: BaseException) -> bool:
    return isinstance(exc, ImportCancelled)


def selected_rows(view: QTableView) -> list:
    """The DTOs of the selected rows, in the order shown."""
    from ..common.table_model import ROW_ROLE

    indexes = sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())
    return [view.model().data(i, ROW_ROLE) for i in indexes]
