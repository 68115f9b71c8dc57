"""The window when the database fails underneath: a save refused by another program's lock
keeps the typing, a read-only place offers read-only, a large workspace found damaged after
opening offers its newest good backup (QA findings 3, 5, 7)."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import members
from clusterdesk.store.workspace import create_workspace


@pytest.fixture
def short_busy_timeout(monkeypatch):
    from clusterdesk.store import db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)


def test_save_while_another_program_holds_the_file_keeps_the_typing(
        short_busy_timeout, qtbot, demo_window, modal_guard):
    page = demo_window.show_tab("members").organisations
    controller = page.controller
    qtbot.keyClicks(page.filter_edit, "Limfjord Membran")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    editor = page.editor
    member_id = editor.member_id
    editor.city.selectAll()
    qtbot.keyClicks(editor.city, "Nørresundby")
    other = sqlite3.connect(controller.workspace.path, isolation_level=None, timeout=0.05)
    other.execute("BEGIN IMMEDIATE")
    try:
        qtbot.keyClick(editor.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert modal_guard and "locked by another program" in modal_guard[-1]
    assert "Nothing was saved" in modal_guard[-1]
    assert editor.dirty and editor.city.text() == "Nørresundby" and editor.member_id == member_id
    assert members.get_member(controller.ctx, member_id).data.city != "Nørresundby"
    qtbot.keyClick(editor.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # free again
    assert not editor.dirty
    assert members.get_member(controller.ctx, member_id).data.city == "Nørresundby"


def test_a_store_failure_outside_a_save_is_shown_not_fatal(qapp, modal_guard, monkeypatch):
    from clusterdesk.store.errors import StorageFailed
    from clusterdesk.ui.app import install_store_error_hook

    passed_on = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: passed_on.append(exc))
    install_store_error_hook()
    failure = StorageFailed("The disk reported an error while using w.clusterdesk.")
    sys.excepthook(type(failure), failure, None)
    sys.excepthook(type(failure), failure, None)  # a second tab failing on the same file
    assert modal_guard == ["The disk reported an error while using w.clusterdesk."]
    bug = KeyError("x")
    sys.excepthook(KeyError, bug, None)
    assert passed_on == [(KeyError, bug, None)]  # bugs still go to the usual report


def press(monkeypatch, module, label: str, shown: list[str]) -> None:
    """Answer the next message boxes of `module` with the button whose text holds `label`."""

    def exec_(box):
        shown.append(box.text())
        for button in box.buttons():
            if label in button.text():
                monkeypatch.setattr(box, "clickedButton", lambda b=button: b)
        return 0

    monkeypatch.setattr(module.QMessageBox, "exec", exec_)


def test_a_workspace_in_a_read_only_place_is_offered_read_only(
        qtbot, controller, tmp_path, monkeypatch, modal_guard):
    from clusterdesk.store import db
    from clusterdesk.ui import open_flow

    path = tmp_path / "shared.clusterdesk"
    create_workspace(path, "Shared").close()
    monkeypatch.setattr(db, "can_write", lambda _path: False)
    press(monkeypatch, open_flow, "read-only", modal_guard)
    assert open_flow.open_with_dialogs(None, controller, str(path))
    assert "cannot be opened for editing" in modal_guard[-1] and "read-only" in modal_guard[-1]
    assert controller.workspace.read_only


def test_large_workspace_found_damaged_after_opening_offers_its_backup(
        qtbot, controller, tmp_path, monkeypatch, modal_guard):
    from clusterdesk.services.context import ServiceContext
    from clusterdesk.store import workspace as ws_module
    from clusterdesk.store.backup import BackupStore
    from clusterdesk.ui import open_flow
    from clusterdesk.ui.main_window import MainWindow
    from tests.store.test_store_failures import damage

    path = tmp_path / "big.clusterdesk"
    ws = create_workspace(path, "Big")
    ctx = ServiceContext(ws, "Tester")
    for i in range(300):
        members.create_member(ctx, members.MemberInput(name=f"Member {i:03d} ApS"))
    ws.close()
    good = BackupStore(path, controller.paths.backup_root).take("manual")
    damage(path)

    window = MainWindow(controller)
    qtbot.addWidget(window)
    monkeypatch.setattr(ws_module, "QUICK_CHECK_INLINE_LIMIT", 1)
    press(monkeypatch, open_flow, "Restore the backup", modal_guard)
    controller.open(str(path))

    offer = next(text for text in modal_guard if "is damaged" in text)
    assert offer.startswith("big.clusterdesk is damaged (the quick check says:")
    assert "SELECT" not in offer and "sqlalchemy" not in offer.lower() and "***" not in offer
    # Restored from the good backup and open for editing again; the damaged file kept aside.
    assert controller.workspace is not None and not controller.workspace.read_only
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from members").fetchone()[0] == 300
    assert list(tmp_path.glob("big.clusterdesk.damaged-*"))
    assert good.path.exists()
    window.close()


@pytest.mark.parametrize("url", ["mysql://x", "postgresql+psycopg://clerk:s3cret@127.0.0.1:1/cluster"])
def test_a_server_that_cannot_be_used_is_a_message_without_the_password(
        url, qtbot, controller, modal_guard):
    from clusterdesk.ui.open_flow import open_with_dialogs

    if url.startswith("postgresql"):
        pytest.importorskip("psycopg")
    assert not open_with_dialogs(None, controller, url)
    assert len(modal_guard) == 1 and "s3cret" not in modal_guard[0]
    assert "cannot use" in modal_guard[0] or "Cannot connect to the server 127.0.0.1:1" in modal_guard[0]
    assert controller.workspace is None
