"""Opening workspaces from the window: refusals become questions, never crashes."""

from __future__ import annotations

from clusterdesk.services import members
from clusterdesk.store.workspace import create_workspace
from tests.store.test_store_failures import damage


def test_large_damaged_workspace_turns_read_only_after_its_check(qtbot, controller, tmp_path, monkeypatch):
    from clusterdesk.services.context import ServiceContext
    from clusterdesk.store import workspace as ws_module

    path = tmp_path / "big.clusterdesk"
    ws = create_workspace(path, "Big")
    ctx = ServiceContext(ws, "Tester")
    for i in range(300):
        members.create_member(ctx, members.MemberInput(name=f"Member {i:03d} ApS", city="Odense"))
    ws.close()
    damage(path)  # scramble the members table's root page

    monkeypatch.setattr(ws_module, "QUICK_CHECK_INLINE_LIMIT", 1)
    damaged = []
    controller.damaged.connect(lambda location, problem: damaged.append(str(problem)))
    controller.open(str(path))
    assert damaged and "quick check" in damaged[0]
    assert controller.workspace is not None and controller.workspace.read_only
    assert controller.workspace.lock is None  # closed for editing: nobody else is kept out


def test_open_with_dialogs_offers_read_only_when_locked(qtbot, controller, tmp_path, monkeypatch, modal_guard):
    from clusterdesk.ui import open_flow

    path = tmp_path / "held.clusterdesk"
    holder = create_workspace(path, "Held")
    try:
        # Press the "Open read-only" button of the question the user gets.
        def press_read_only(box):
            modal_guard.append(box.text())
            for button in box.buttons():
                if "read-only" in button.text():
                    box.setProperty("clicked", True)
                    monkeypatch.setattr(box, "clickedButton", lambda b=button: b)
            return 0

        monkeypatch.setattr(open_flow.QMessageBox, "exec", press_read_only)
        assert open_flow.open_with_dialogs(None, controller, str(path))
        assert "already open for editing" in modal_guard[-1]
        assert controller.workspace.read_only
    finally:
        controller.close()
        holder.close()
