"""The open workspace of the running program and the app-wide `changed` signal.

Every write goes through `run_op`, which emits `changed` with the write's Changes so that
each tab refreshes only for the kinds of data it shows (anki's OpChanges pattern).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..domain.changes import EVERYTHING, Changes
from ..paths import AppPaths
from ..services.errors import ConflictError, ServiceError, ValidationError
from ..settings import Preferences, save_preferences
from ..store.errors import StoreError
from .common.background import BackgroundRunner
from .common.messages import show_error

if TYPE_CHECKING:  # the store loads SQLAlchemy: only once a workspace is opened
    from ..services.context import ServiceContext
    from ..store.backup import BackupInfo
    from ..store.errors import DamagedWorkspace
    from ..store.workspace import Workspace


BACKUP_DELAY_MS = 1500


class WorkspaceController(QObject):
    changed = Signal(object)  # Changes
    workspace_changed = Signal()  # another workspace was opened (or the current one closed)
    backup_taken = Signal(object)  # BackupInfo
    # The deferred check of a large workspace found a problem: (location, DamagedWorkspace).
    damaged = Signal(str, object)
    status = Signal(str)

    def __init__(self, paths: AppPaths, prefs: Preferences, runner: BackgroundRunner,
                 clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.prefs = prefs
        self.runner = runner
        self._clock = clock
        self.workspace: Workspace | None = None
        self.ctx: ServiceContext | None = None
        self.is_demo = False
        self.last_backup: BackupInfo | None = None

    # --- opening and closing -------------------------------------------------------------

    def _adopt(self, workspace: Workspace, *, demo: bool = False) -> None:
        from ..services.context import ServiceContext

        self.close()
        self.workspace = workspace
        self.ctx = ServiceContext(workspace, self.prefs.actor)
        if self._clock is not None:
            self.ctx.clock = self._clock
        self.is_demo = demo
        self.last_backup = workspace.backups.newest() if workspace.backups else None
        if not demo:
            self.prefs.remember_workspace(workspace.location)
            self.save_prefs()
        # Pages already built refresh on `changed`; the tab on screen is built (with its first
        # refresh) on `workspace_changed` — in this order nothing reads the workspace twice.
        self.changed.emit(EVERYTHING)
        self.workspace_changed.emit()

    @property
    def read_only(self) -> bool:
        """The open workspace cannot be changed (opened read-only, or refused for editing)."""
        return self.workspace is not None and self.workspace.read_only

    def open(self, location: str, *, read_only: bool = False, break_lock: bool = False) -> None:
        """Open a workspace (raises the store's errors; the caller turns them into dialogs)."""
        from ..store.workspace import open_workspace

        if self.workspace and self.workspace.location == str(location) and not read_only:
            return
        workspace = open_workspace(location, backup_root=self.paths.backup_root,
                                   read_only=read_only, break_lock=break_lock,
                                   person=self.prefs.actor)
        self._adopt(workspace)
        if workspace.check_pending:
            self._check_in_background(workspace)
        else:
            # Not in the way of the first paint: the on-open backup starts a moment later.
            QTimer.singleShot(BACKUP_DELAY_MS, lambda: self.backup_in_background("on-open"))

    def _check_in_background(self, workspace: Workspace) -> None:
        """A very large file is checked after opening; a damaged one is closed for editing at
        once (and never backed up over the good backups), reopened read-only to look at, and
        `damaged` offers its newest good backup as opening a small damaged file does."""

        def done(problem: DamagedWorkspace | None) -> None:
            if workspace is not self.workspace:
                return
            if problem is None:
                self.backup_in_background("on-open")
                return
            location = workspace.location
            self.close()
            from ..store.workspace import open_workspace

            try:
                reopened = open_workspace(location, backup_root=self.paths.backup_root, read_only=True)
                reopened.read_only_reason = "it failed its integrity check"
                self._adopt(reopened)
            except StoreError:  # the restore offered below is what helps
                self.workspace_changed.emit()
            self.damaged.emit(location, problem)

        self.runner.run(workspace.deferred_check, done)

    def create(self, path: Path, name: str) -> None:
        from ..store.workspace import create_workspace

        self._adopt(create_workspace(path, name, backup_root=self.paths.backup_root))

    def open_demo(self) -> None:
        from ..demo import build_demo_workspace

        today = self._clock().astimezone().date() if self._clock else None
        self._adopt(build_demo_workspace(self.paths, today=today), demo=True)

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
        self.workspace = None
        self.ctx = None

    def today(self) -> date:
        """Today as the services see it (tests fix the clock)."""
        return self.ctx.today() if self.ctx is not None else date.today()

    def save_prefs(self) -> None:
        save_preferences(self.paths.settings_file, self.prefs)

    def set_actor(self, actor: str) -> None:
        if self.ctx is not None:
            self.ctx.actor = actor

    # --- backups -------------------------------------------------------------------------

    def backup_in_background(self, reason: str = "on-open") -> None:
        workspace = self.workspace
        if workspace is None or workspace.backups is None or workspace.read_only:
            return

        def done(info: BackupInfo | None) -> None:
            if info is not None and workspace is self.workspace:
                self.last_backup = info
                self.backup_taken.emit(info)

        def failed(exc: BaseException, _trace: str) -> None:
            self.status.emit(f"The automatic backup failed: {exc}")

        self.runner.run(lambda: workspace.backup_if_changed(reason), done, failed)

    def backup_now(self) -> BackupInfo:
        assert self.workspace is not None and self.workspace.backups is not None
        info = self.workspace.backups.take("manual")
        self.workspace.backups.thin()
        self.last_backup = info
        self.backup_taken.emit(info)
        return info

    def restore(self, backup: BackupInfo) -> None:
        assert self.workspace is not None
        self.workspace.restore(backup.path)  # the same Workspace object, reconnected
        self.changed.emit(EVERYTHING)

    # --- writes --------------------------------------------------------------------------

    def run_op(self, parent: QWidget | None, title: str, fn: Callable[..., Any], *args,
               **kwargs) -> Any:
        """Call a service write; emit its Changes; show refusals as a message. Returns the
        service's result, or None when it was refused (the caller keeps the user's input)."""
        try:
            result = fn(self.ctx, *args, **kwargs)
        except ValidationError:
            raise  # forms show these at the field
        except ConflictError as exc:
            show_error(parent, f"{title}: someone else saved first", str(exc))
            return None
        except (ServiceError, StoreError) as exc:
            # A refusal, or the database failing underneath (locked by another program, disk
            # full, file made read-only): nothing was saved and the caller keeps the input.
            show_error(parent, title, str(exc))
            return None
        changes = _changes_of(result)
        if changes:
            self.changed.emit(changes)
        return result


def _changes_of(result: Any) -> Changes:
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple):
        for item in result:
            if isinstance(item, Changes):
                return item
    return Changes()
