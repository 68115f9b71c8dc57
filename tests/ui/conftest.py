"""Fixtures that drive the real windows on real services and a temp workspace file."""

from __future__ import annotations

import pytest

from tests.conftest import FIXED_NOW


@pytest.fixture
def app_paths(tmp_path):
    from clusterdesk.paths import app_paths

    return app_paths(tmp_path / "data").ensure()


@pytest.fixture
def controller(qapp, app_paths):
    from clusterdesk.settings import Preferences
    from clusterdesk.ui.app import make_application
    from clusterdesk.ui.common.background import SynchronousRunner
    from clusterdesk.ui.controller import WorkspaceController

    make_application(app_paths)
    prefs = Preferences(user_name="Tina Tester", initials="TT")
    ctl = WorkspaceController(app_paths, prefs, SynchronousRunner(), clock=lambda: FIXED_NOW)
    yield ctl
    ctl.close()


@pytest.fixture
def demo_window(qtbot, controller):
    from clusterdesk.ui.main_window import MainWindow

    controller.open_demo()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    # Really delete the window: widgets left alive make every later test slower (each new
    # application style sheet repolishes all of them).
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def modal_guard(monkeypatch):
    """No test may hang on a modal box: boxes are recorded and answered at once
    (questions with Discard, others by closing them)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        return QMessageBox.StandardButton.Cancel

    def fake_question(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Discard

    def fake_information(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "question", fake_question)
    monkeypatch.setattr(QMessageBox, "information", fake_information)
    return shown
