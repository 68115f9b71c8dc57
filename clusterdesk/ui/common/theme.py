"""The look: native style on Windows and macOS; on Linux Fusion with a calm palette.
Dark mode follows the system."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#2f6f9f"
OVERDUE = "#c0392b"
DUE_SOON = "#b9770e"
DONE = "#5b7f5b"


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        base, window, text, alt = "#1f2428", "#2a3035", "#e6e9ec", "#252b30"
        button, mid, disabled = "#323a40", "#4a545c", "#7d868e"
    else:
        base, window, text, alt = "#ffffff", "#f3f5f7", "#1d2731", "#f6f8fa"
        button, mid, disabled = "#eef1f4", "#c9d1d9", "#8a96a3"
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: alt,
        QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text, QPalette.ColorRole.Mid: mid,
        QPalette.ColorRole.PlaceholderText: disabled, QPalette.ColorRole.Link: ACCENT,
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p


def apply_theme(app: QApplication) -> None:
    if sys.platform.startswith("linux"):
        app.setStyle("Fusion")
        app.setPalette(_palette(is_dark()))
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: app.setPalette(_palette(is_dark())))
    app.setStyleSheet(STYLE_SHEET)


STYLE_SHEET = """
QTabWidget::pane { border: 0; }
QTabBar::tab { padding: 6px 14px; }
QLabel[role="heading"] { font-size: 15pt; font-weight: 600; }
QLabel[role="subheading"] { font-size: 11pt; font-weight: 600; }
QLabel[role="hint"] { color: palette(placeholder-text); }
QLabel[role="error"] { color: #c0392b; }
QLabel[role="banner"] { background: #fff4d6; color: #5c4400; padding: 6px 10px;
                        border-bottom: 1px solid #e6c866; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"] {
    border: 1px solid #c0392b; border-radius: 3px; }
QTableView { gridline-color: palette(mid); }
QTableView[invalid="true"], QListView[invalid="true"], QPlainTextEdit[invalid="true"] {
    border: 1px solid #c0392b; }
"""
