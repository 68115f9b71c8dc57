"""Progress reports and cancellation for long imports, without any GUI knowledge."""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressFn = Callable[[str, int, int], None]  # (what is happening, done, total)


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was changed.")


class CancelToken:
    """Set from the GUI thread, checked by the worker between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise ImportCancelled()


class Progress:
    """Reports at most every `step` items, so a 10,000-row loop does not flood the GUI."""

    def __init__(self, report: ProgressFn | None, cancel: CancelToken | None, step: int = 250) -> None:
        self._report = report
        self._cancel = cancel
        self._step = step

    def __call__(self, what: str, done: int, total: int, *, force: bool = False) -> None:
        if done % self._step and not force and done != total:
            return
        if self._cancel is not None:
            self._cancel.check()
        if self._report is not None:
            self._report(what, done, total)

    def check(self) -> None:
        if self._cancel is not None:
            self._cancel.check()


def no_progress() -> Progress:
    return Progress(None, None)
