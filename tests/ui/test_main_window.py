"""The window as a user meets it: the demo opens, every tab can be visited by keyboard,
the File menu has every workspace action, and lists export to Excel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clusterdesk.ui.main_window import TABS


def test_demo_opens_and_every_tab_is_visited_by_keyboard(qtbot, demo_window):
    window = demo_window
    assert "AquaNord" in window.windowTitle()
    assert "Demo workspace" in window.status_file.text()
    for number, spec in enumerate(TABS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == number - 1
        page = window.current_page()
        assert page is not None, f"{spec.title} was not built"
        assert page.isVisible()
    QApplication.processEvents()


def test_file_menu_offers_the_workspace_actions(demo_window):
    texts = [a.text().replace("&", "") for a in demo_window.menuBar().actions()[0].menu().actions()]
    for wanted in ("New workspace…", "Open workspace…", "Open recent", "Back up now",
                   "Restore from backup…", "Export list to Excel…", "Quit"):
        assert wanted in texts
    assert demo_window.act_backup.shortcut().toString() == "Ctrl+Shift+B"


def test_today_lists_follow_ups_and_marks_one_done(qtbot, demo_window):
    page = demo_window.show_tab("today")
    before = len(page.items)
    assert before > 0
    first_row = next(page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())
                     if page.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 10))
    page.tree.setCurrentItem(first_row)
    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(page.items) == before - 1


def test_members_list_exports_to_excel(qtbot, demo_window, tmp_path):
    from openpyxl import load_workbook

    from clusterdesk.ui.common.export import export_list_to

    page = demo_window.show_tab("members").organisations
    qtbot.keyClicks(page.filter_edit, "esbjerg")
    export = page.list_export()
    target = tmp_path / "members.xlsx"
    export_list_to(demo_window.controller, export, target)
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Name", "City", "Country"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == page.model.rowCount() > 0
    assert all(row[1] == "Esbjerg" for row in rows)
    assert sheet.freeze_panes == "A2"


def test_back_up_now_is_off_for_the_demo(demo_window):
    assert not demo_window.act_backup.isEnabled()
    assert "demo" in demo_window.act_backup.toolTip()
    assert not demo_window.act_restore.isEnabled()


def test_status_bar_says_unsaved_while_an_editor_holds_typing(qtbot, demo_window):
    page = demo_window.show_tab("members").organisations
    qtbot.keyClicks(page.filter_edit, "Limfjord Membran")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    editor = page.panel.editor
    assert "All changes saved" in demo_window.status_state.text()
    qtbot.keyClicks(editor.city, "x")
    assert "Unsaved changes" in demo_window.status_state.text()
    assert "All changes saved" not in demo_window.status_state.text()
    qtbot.keyClick(editor.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.dirty
    assert "All changes saved" in demo_window.status_state.text()


def test_suggested_file_names_keep_the_title():
    from clusterdesk.ui.common.export import safe_file_name

    assert safe_file_name("Checklist – Mission til Hamborg / IFAT") == "Checklist – Mission til Hamborg _ IFAT"
    assert safe_file_name('Budget: "Q1"?') == "Budget_ _Q1__"
    assert safe_file_name(" ... ") == "export"


def test_a_read_only_workspace_says_so_and_takes_no_typing(qtbot, controller, tmp_path):
    from clusterdesk.demo.showcase import build_demo
    from clusterdesk.ui.main_window import MainWindow
    from tests.conftest import FIXED_NOW

    path = tmp_path / "aquanord.clusterdesk"
    build_demo(path, today=FIXED_NOW.date())
    controller.open(str(path), read_only=True)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    assert window.read_only_banner.isVisible() and "read-only" in window.read_only_banner.text()
    page = window.show_tab("members").organisations
    qtbot.keyClicks(page.filter_edit, "Limfjord Membran")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    editor = page.panel.editor
    assert editor.name.text() == "Limfjord Membran ApS"
    qtbot.keyClicks(editor.city, "xyz")
    assert editor.city.text() == "Aalborg" and not editor.dirty
    assert not editor.save_button.isEnabled()
    assert "Unsaved" not in window.status_state.text()
    # A form editor of another tab (Missions ▸ Partners) is locked the same way.
    partners = window.show_tab("missions").view("Partners")
    partners.view.selectRow(0)
    QApplication.processEvents()
    assert partners.editor.name.isReadOnly()
    window.close()
