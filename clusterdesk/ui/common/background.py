"""One way to run slow work off the GUI thread (imports, exports, backups, recomputations).

`fn` runs on a QThreadPool worker, opens its own session through the services and never
touches a widget; `on_done` / `on_error` run back on the GUI thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_live: set[_Relay] = set()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            self.relay.failed.emit(exc, traceback.format_exc())
        else:
            self.relay.done.emit(result)


class BackgroundRunner:
    """Runs jobs on a thread pool. Tests swap in `SynchronousRunner`."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException, str], None] | None = None) -> None:
        relay = _Relay()
        _live.add(relay)

        def finish_ok(result):
            _live.discard(relay)
            if on_done:
                on_done(result)

        def finish_error(exc, trace):
            _live.discard(relay)
            if on_error:
                on_error(exc, trace)
            else:
                raise exc

        relay.done.connect(finish_ok)
        relay.failed.connect(finish_error)
        self.pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


class SynchronousRunner(BackgroundRunner):
    """Runs the job at once on the calling thread: deterministic tests."""

    def __init__(self) -> None:
        pass

    def run(self, fn, on_done=None, on_error=None) -> None:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001
            if on_error:
                on_error(exc, traceback.format_exc())
                return
            raise
        if on_done:
            on_done(result)

    def wait(self, msecs: int = 30_000) -> bool:
        return True
