"""Alt+letter must do one thing: on every tab and every section of a tab, no two visible
controls (and no control and a menu of the menu bar) share the same underlined letter —
Qt would then only cycle the focus between them instead of pressing the button."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from clusterdesk.ui.main_window import TABS
from tests.ui.keys import mnemonic_clashes


def clashes(window, where: str) -> list[str]:
    QApplication.processEvents()
    return [f"{where}: Alt+{letter.upper()} is {' and '.join(map(repr, texts))}"
            for letter, texts in sorted(mnemonic_clashes(window).items())]


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
