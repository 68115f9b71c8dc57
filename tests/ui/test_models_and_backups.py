"""The generic table models pass Qt's model checks; backup and restore from the File menu."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from clusterdesk.ui.common.table_model import Column, PagedTableModel, RowTableModel


@dataclass(frozen=True)
class Row:
    name: str
    n: int


COLUMNS = (Column("name", "Name", lambda r: r.name), Column("n", "Number", lambda r: r.n))


def test_row_table_model_passes_model_tester(qtmodeltester):
    model = RowTableModel(COLUMNS, [Row(f"r{i}", i) for i in range(50)])
    qtmodeltester.check(model)
    model.set_rows([Row("x", 1)])
    qtmodeltester.check(model)


def test_paged_model_fetches_only_what_is_shown(qtmodeltester):
    data = [Row(f"r{i:05d}", i) for i in range(10_000)]
    fetched = []

    def page(offset, limit):
        fetched.append(offset)
        return data[offset:offset + limit]

    model = PagedTableModel(COLUMNS, lambda: len(data), page)
    model.reload()
    assert model.rowCount() == 10_000 and fetched == [0]
    assert model.row_at(9_999).n == 9_999
    assert len(fetched) == 2
    qtmodeltester.check(model)


@pytest.fixture
def file_window(qtbot, controller, tmp_path):
    from clusterdesk.services import members
    from clusterdesk.ui.main_window import MainWindow

    controller.create(tmp_path / "ours.clusterdesk", "Our cluster")
    members.create_member(controller.ctx, members.MemberInput(name="First A/S"))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    return window


def test_back_up_now_and_restore_from_the_file_menu(qtbot, file_window, monkeypatch):
    from clusterdesk.services import members
    from clusterdesk.ui import restore_dialog

    ctx = file_window.controller.ctx
    file_window.act_backup.trigger()
    assert "last backup" in file_window.status_state.text()
    members.create_member(ctx, members.MemberInput(name="Second ApS"))
    from clusterdesk.domain.changes import Changes

    file_window.controller.changed.emit(Changes.of("members"))
    monkeypatch.setattr(restore_dialog, "confirm", lambda *a, **k: True)
    dialog = restore_dialog.RestoreDialog(file_window.controller, file_window)
    qtbot.addWidget(dialog)
    backups = dialog.model.rows()
    assert [b.reason for b in backups] == ["manual"]
    dialog.view.selectRow(0)
    dialog.restore_button.click()
    assert members.count_members(ctx) == 1
    page = file_window.show_tab("members").organisations
    assert page.model.rowCount() == 1
