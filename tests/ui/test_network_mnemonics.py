"""Alt+letter in the Network tab: on every section, on every tab of its editor and on the
ideas board, no two texts on screen (the menu bar's included) claim the same letter, and a
letter does what it says."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clusterdesk.services import service_catalogue
from clusterdesk.ui.network.page import SECTIONS
from tests.ui.keys import ALT, mnemonic_clashes, press, visible_mnemonics


def test_no_two_texts_on_screen_share_an_alt_letter(qtbot, demo_window):
    network = demo_window.show_tab("network")
    seen = 0
    for title, _path in SECTIONS:
        view = network.show_section(title)
        view.view.selectRow(0)
        tabs = view.editor.tabs
        for number in range(tabs.count()):
            tabs.setCurrentIndex(number)
            qtbot.waitUntil(tabs.currentWidget().isVisible)
            assert mnemonic_clashes(demo_window) == {}, f"{title} ▸ {tabs.tabText(number)}"
            # Revert and Save claim R and S once there is typing (they are disabled until then)
            assert not {"r", "s"} & set(visible_mnemonics(demo_window)), f"{title} ▸ {tabs.tabText(number)}"
            seen += 1
        if title == "Project ideas":
            view.show_board(True)
            assert mnemonic_clashes(demo_window) == {}, "the ideas board"
            view.show_board(False)
    assert seen == 9  # two tabs each, three for an idea
    letters = visible_mnemonics(demo_window)
    assert {"f", "e", "v", "h"} <= set(letters)  # the menu bar counts


def test_an_alt_letter_goes_to_its_field(qtbot, demo_window):
    network = demo_window.show_tab("network")
    view = network.show_section("Meta-clusters")
    view.view.selectRow(0)
    editor = view.editor
    editor.name.setFocus()
    press(qtbot, Qt.Key.Key_M, ALT)  # Fro&m
    assert editor.starts_on.hasFocus()
    press(qtbot, Qt.Key.Key_O, ALT)  # Purp&ose
    assert editor.purpose.hasFocus()
    requests = network.show_section("Partner searches")
    requests.view.selectRow(0)
    requests.editor.purpose.setFocus()
    press(qtbot, Qt.Key.Key_I, ALT)  # F&ield
    assert requests.editor.field.hasFocus()


def test_in_the_bin_alt_r_restores_the_selected_record(qtbot, demo_window):
    network = demo_window.show_tab("network")
    view = network.show_section("Services")
    ctx = view.controller.ctx

    def live_names() -> list[str]:
        return [row.name for row in service_catalogue.list_services(ctx)]

    view.view.selectRow(0)
    name = view.editor.name.text()
    view.view.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert name not in live_names()
    view.bin_toggle.setChecked(True)
    view.view.selectRow(0)
    assert view.editor.name.text() == name and view.delete_button.text() == "&Restore"
    assert mnemonic_clashes(demo_window) == {}  # Revert claims Alt+R only while there is typing to undo
    view.view.setFocus()
    press(qtbot, Qt.Key.Key_R, ALT)
    assert name in live_names()
