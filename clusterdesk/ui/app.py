"""Starting the desktop program: Qt application → workspace → main window."""

from __future__ import annotations

import sys
import time
from argparse import Namespace
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__
from ..paths import AppPaths
from ..settings import load_preferences

HOURLY = 60 * 60 * 1000
REPEAT_AFTER_S = 10  # the same store failure is not shown again within this time


def make_application(paths: AppPaths, argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Window geometry and other view state go beside our own settings, so --data-dir
    # (and every test) keeps them apart from the user's.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config_dir))
    from .common.theme import apply_theme

    apply_theme(app)
    return app


def install_store_error_hook() -> None:
    """A store failure outside a save (a tab reading while another program locks the file, the
    disk is gone or full) is shown as a message; the window stays open and usable."""
    from ..store.errors import StoreError
    from .common.messages import show_error

    previous = sys.excepthook
    last: list = [None, 0.0]  # the message shown last, and when

    def hook(kind, exc, trace) -> None:
        if isinstance(exc, StoreError):
            # Several tabs reading one failing file fail together: say it once.
            if last[0] != str(exc) or time.monotonic() - last[1] > REPEAT_AFTER_S:
                last[:] = [str(exc), time.monotonic()]
                show_error(QApplication.activeWindow(), "ClusterDesk", str(exc))
            return
        previous(kind, exc, trace)

    sys.excepthook = hook


def choose_workspace(controller, args: Namespace) -> bool:
    """Open what the command line or the last session asks for, else ask. False = quit."""
    from .open_flow import open_with_dialogs

    prefs = controller.prefs
    if args.demo:
        controller.open_demo()
        return True
    message = ""
    location = args.db or prefs.last_workspace
    if location:
        if open_with_dialogs(None, controller, location, read_only=args.read_only):
            return True
        message = f"{location} could not be opened."
    return start_dialog_loop(controller, message)


def start_dialog_loop(controller, message: str = "") -> bool:
    from .common.messages import show_error
    from .open_flow import open_with_dialogs
    from .start_dialog import StartDialog, ask_new_workspace_path, ask_open_path

    while True:
        dialog = StartDialog(None, message)
        if not dialog.exec():
            return False
        message = ""
        if dialog.choice == StartDialog.DEMO:
            controller.open_demo()
            return True
        if dialog.choice == StartDialog.OPEN:
            path = ask_open_path(None, controller.paths.workspaces_dir)
            if path and open_with_dialogs(None, controller, path):
                return True
        if dialog.choice == StartDialog.NEW:
            path = ask_new_workspace_path(None, controller.paths.workspaces_dir)
            if path is not None:
                try:
                    controller.create(path, Path(path).stem.replace("_", " "))
                    return True
                except Exception as exc:  # noqa: BLE001 - shown to the user
                    show_error(None, "New workspace", str(exc))


def run_gui(args: Namespace, paths: AppPaths) -> int:
    started = time.perf_counter()
    app = make_application(paths)
    install_store_error_hook()
    from .common.background import BackgroundRunner
    from .controller import WorkspaceController
    from .main_window import MainWindow

    prefs = load_preferences(paths.settings_file)
    controller = WorkspaceController(paths, prefs, BackgroundRunner())
    # The window comes up first; the database layer loads while the user looks at it.
    window = MainWindow(controller)
    window.show()
    app.processEvents()
    if args.quit_when_shown:
        print(f"window {time.perf_counter() - started:.3f}", flush=True)
    if not choose_workspace(controller, args):
        window.close()
        return 0
    if args.quit_when_shown:
        app.processEvents()
        print(f"shown {time.perf_counter() - started:.3f}", flush=True)
        controller.runner.wait()
        window.close()
        return 0
    backups = QTimer(window)
    backups.timeout.connect(lambda: controller.backup_in_background("daily"))
    backups.start(HOURLY)
    return app.exec()
