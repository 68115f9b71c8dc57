"""Alt+letter must do one thing: on every tab and every section of a tab, no two visible
controls (and no control and a menu of the menu bar) share the same underlined letter —
Qt would then only cycle the focus between them instead of pressing the button."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget

from clusterdesk.ui.main_window import TABS

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def visible_mnemonics(window) -> dict[str, list[str]]:
    taken: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        if action.isVisible() and (letter := mnemonic(action.text())):
            taken[letter].append(f"menu {action.text()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        if letter := mnemonic(text):
            taken[letter].append(f"{type(widget).__name__} {text!r}")
    return taken


def clashes(window, where: str) -> list[str]:
    QApplication.processEvents()
    return [f"{where}: Alt+{letter.upper()} is {' and '.join(owners)}"
            for letter, owners in sorted(visible_mnemonics(window).items()) if len(owners) > 1]


def test_no_two_visible_controls_share_an_alt_letter(demo_window):
    found: list[str] = []
    for spec in TABS:
        page = demo_window.show_tab(spec.key)
        found += clashes(demo_window, spec.title)
        sections = getattr(page, "sections", None)
        if sections is not None and hasattr(sections, "count"):
            for index in range(sections.count()):
                sections.setCurrentIndex(index)
                found += clashes(demo_window, f"{spec.title} ▸ {sections.tabText(index)}")
    assert not found, "\n".join(found)
