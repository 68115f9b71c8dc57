"""Driving the program by keyboard alone: keys go to whatever has the focus, as a user's do;
modal dialogs are answered from inside their own event loop."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QWidget,
)

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


CLICK_MS = 250  # a button's mnemonic clicks it with a short animation, after about 100 ms


def _target(qtbot) -> QWidget:
    # After a dialog or a completer's popup closes, the window it belonged to gets the
    # focus back a moment later (the offscreen platform needs a nudge to give it back).
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    widget = focused()
    window = widget.window()
    if QApplication.activeWindow() is not window and QApplication.activePopupWidget() is None:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        widget.setFocus()  # activation may hand the focus to an earlier widget
    return focused()


MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def visible_mnemonics(window: QMainWindow) -> dict[str, list[str]]:
    """Alt+letter → the texts that claim it among what is on screen now: the menu bar's menus,
    buttons, labels with a buddy, group boxes and tabs (disabled ones claim nothing, as in Qt).
    More than one text for a letter is a clash: the letter then only moves the focus between
    them, as if it went nowhere."""
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
    letters: dict[str, list[str]] = {}
    for text in texts:
        found = MNEMONIC.search(text or "")
        if found:
            letters.setdefault(found.group(1).lower(), []).append(text)
    return letters


def mnemonic_clashes(window: QMainWindow) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in visible_mnemonics(window).items() if len(texts) > 1}


def press(qtbot, key: Qt.Key, modifier=NONE, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(_target(qtbot), key, modifier)
        if modifier & ALT:
            qtbot.wait(CLICK_MS)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(_target(qtbot), text)


class DialogSteps:
    """Runs `steps(dialog)` once the next modal dialog is open; failures are re-raised by
    `check()` after the dialog was closed, so a failing step never leaves a test hanging."""

    def __init__(self, steps: Callable[[QWidget], None]) -> None:
        self.steps = steps
        self.error: BaseException | None = None
        self.ran = False
        self.parent_window: QWidget | None = None
        self._tries = 0
        QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (QApplication.activeWindow() is not dialog and self._tries < 100):
            # Keys typed before the dialog is the active window would go nowhere.
            self._tries += 1
            if dialog is not None:
                dialog.activateWindow()
            QTimer.singleShot(10, self._run)
            return
        self.ran = True
        parent = dialog.parentWidget()
        self.parent_window = parent.window() if parent is not None else None
        try:
            self.steps(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised in check()
            self.error = exc
        finally:
            if dialog.isVisible():
                dialog.reject()

    def check(self, qtbot) -> None:
        assert self.ran, "no dialog was opened"
        if self.error is not None:
            raise self.error
        window = self.parent_window
        if window is not None:  # as the window manager would, give the focus back
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


class MessageBoxAnswers:
    """Answers the next message boxes by pressing the button whose text starts with each of
    `answers` in turn (mnemonics ignored); records what every box said and which button was
    its default. More boxes than answers get Cancel, as the autouse guard gives."""

    def __init__(self, monkeypatch, *answers: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.answers = list(answers)
        self.boxes: list[dict] = []

        def fake_exec(box: QMessageBox) -> int:
            default = box.defaultButton()
            self.boxes.append({"text": box.text(), "informative": box.informativeText(),
                               "default": default.text().replace("&", "") if default else "",
                               "buttons": [b.text().replace("&", "") for b in box.buttons()]})
            if not self.answers:
                return QMessageBox.StandardButton.Cancel
            wanted = self.answers.pop(0)
            button = next(b for b in box.buttons() if b.text().replace("&", "").startswith(wanted))
            button.click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)
