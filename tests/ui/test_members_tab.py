"""Members tab driven like a user: filter as you type, edit and save with the keyboard,
refused input stays typed and marked, delete to the bin and restore."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import members


@pytest.fixture
def page(qtbot, demo_window):
    return demo_window.show_tab("members").organisations


def test_filter_as_you_type(qtbot, page):
    total = page.model.rowCount()
    assert total == 80 and "80 members" in page.count_label.text()
    qtbot.keyClicks(page.filter_edit, "aalb")
    assert 0 < page.model.rowCount() < total
    assert all(page.model.row_at(i).city == "Aalborg" for i in range(page.model.rowCount()))
    page.filter_edit.clear()
    assert page.model.rowCount() == total


def test_edit_and_save_by_keyboard(qtbot, page):
    ctx = page.controller.ctx
    qtbot.keyClicks(page.filter_edit, "Limfjord Membran")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)  # to the list, first row selected
    editor = page.editor
    assert editor.name.text() == "Limfjord Membran ApS"
    editor.city.selectAll()
    qtbot.keyClicks(editor.city, "Nørresundby")
    assert editor.dirty
    qtbot.keyClick(editor.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.dirty
    saved = members.get_member(ctx, editor.member_id)
    assert saved.data.city == "Nørresundby"
    assert saved.updated_by == "Tina Tester (TT)"


def test_refused_input_keeps_typing_and_names_the_field(qtbot, page):
    ctx = page.controller.ctx
    page.view.selectRow(0)
    editor = page.editor
    member_id = editor.member_id
    original = members.get_member(ctx, member_id).data
    editor.markets.setText("Germany, Narnia")
    editor.member_since.setText("31-02-2020")
    editor.city.setText("Changed city")
    assert not editor.save()
    assert editor.dirty
    assert editor.markets.text() == "Germany, Narnia"
    assert editor.member_since.text() == "31-02-2020"
    assert editor.markets.property("invalid") and "Narnia" in editor.markets.toolTip()
    assert editor.member_since.property("invalid")
    assert "Markets" in editor.errors.text() and editor.errors.isVisibleTo(editor)
    assert members.get_member(ctx, member_id).data == original  # nothing saved
    editor.markets.setText("Germany")
    editor.member_since.setText("01-02-2020")
    assert editor.save()
    assert members.get_member(ctx, member_id).data.markets == ("DE",)


def test_new_member_with_ctrl_n(qtbot, page):
    ctx = page.controller.ctx
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert editor.member_id is None and editor.name.hasFocus()
    qtbot.keyClicks(editor.name, "Skagerrak Havbrug ApS")
    editor.country.setEditText("Tyskland")
    qtbot.keyClick(editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.member_id is not None
    detail = members.get_member(ctx, editor.member_id)
    assert detail.data.name == "Skagerrak Havbrug ApS" and detail.data.country == "DE"
    assert members.count_members(ctx) == 81


def test_empty_name_is_refused_at_the_field(qtbot, page):
    page.new_member()
    page.editor.city.setText("Vejle")
    assert not page.editor.save()
    assert page.editor.name.property("invalid")
    assert page.editor.city.text() == "Vejle"


def test_delete_to_bin_and_restore(qtbot, page):
    ctx = page.controller.ctx
    page.view.selectRow(0)
    member_id = page.current_member_id()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert members.count_members(ctx) == 79
    page.bin_toggle.setChecked(True)
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    page.delete_or_restore()
    assert members.count_members(ctx) == 80
    assert members.get_member(ctx, member_id).deleted is False


def test_markets_from_answers_are_shown_beside_the_profile_markets(qtbot, page):
    ctx = page.controller.ctx
    rows = members.member_page(ctx, limit=None)
    with_answers = next(r for r in rows
                        if members.get_member(ctx, r.id).answered_markets)
    page.select_member(with_answers.id)
    label = page.editor.answered_markets
    assert label.isVisibleTo(page.editor) and label.text().startswith("From answers: ")
    assert "(campaign)" in label.text() or "(survey)" in label.text()
