"""The member list keeps the user's filter and shows where things are (QA): saving never puts
the member's name in the filter, a member beyond the first page is found where it is, one
the filter leaves out is shown with a word in the status bar; Enter selects, a delete moves
to the next row, Today's follow-up opens on the interaction itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import members
from clusterdesk.services.member_list import MemberFilter
from clusterdesk.ui.members.member_panel import INTERACTIONS, PROFILE


@pytest.fixture
def page(qtbot, demo_window):
    return demo_window.show_tab("members").organisations


@pytest.fixture
def status(page):
    said: list[str] = []
    page.controller.status.connect(said.append)
    return said


def selected_names(page):
    rows = page.view.selectionModel().selectedRows()
    return [page.model.row_at(i.row()).name for i in rows]


def test_saving_a_renamed_member_keeps_the_filter(qtbot, page, status):
    qtbot.keyClicks(page.filter_edit, "a")
    count = page.model.rowCount()
    last = count - 1  # beyond the first page the list reads
    assert last >= page.model.PAGE
    page.view.selectRow(last)
    member_id = page.current_member_id()
    page.editor.name.setText("Aaa Renamed First ApS")  # sorts to the top
    qtbot.keyClick(page.editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)  # the selection follows once the save's refresh is done
    assert page.filter_edit.text() == "a" and page.model.rowCount() == count
    assert page.current_member_id() == member_id and page.view.currentIndex().row() == 0
    assert selected_names(page) == ["Aaa Renamed First ApS"]
    page.editor.name.setText("Zzz Renamed Last ApS")
    assert page.editor.save()
    qtbot.wait(10)
    assert page.filter_edit.text() == "a" and page.view.currentIndex().row() == count - 1


def test_a_member_saved_out_of_the_filter_stays_in_the_editor(qtbot, page, status):
    ctx = page.controller.ctx
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("research"))
    count = page.model.rowCount()
    page.view.selectRow(0)
    member_id = page.current_member_id()
    page.editor.kind.setCurrentIndex(page.editor.kind.findData("sme"))
    assert page.editor.save()
    qtbot.wait(10)
    assert page.filters.kind.currentData() == "research" and page.filter_edit.text() == ""
    assert page.model.rowCount() == count - 1
    assert page.panel.member_id == member_id and page.editor.kind.currentData() == "sme"
    assert selected_names(page) == [] and page.current_member_id() is None
    name = members.get_member(ctx, member_id).data.name
    assert status[-1].startswith(f"“{name}” is not in the list as it is filtered now "
                                 "(Research / knowledge institution)")


def test_a_member_far_down_the_list_is_selected_where_it_is(qtbot, page):
    ctx = page.controller.ctx
    header = page.view.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    every = members.member_page(ctx, sort="name", descending=True, limit=None)
    target = every[-1]
    assert page.model.find_row(lambda r: r.id == target.id) < 0  # its page is not read yet
    assert page.select_member(target.id)
    assert page.view.currentIndex().row() == len(every) - 1
    assert selected_names(page) == [target.name] and page.editor.name.text() == target.name
    assert page.filter_edit.text() == ""


def test_restoring_a_backup_leaves_the_filter_and_the_list_in_step(qtbot, controller, tmp_path):
    """QA: after File ▸ Restore from backup the list said "0 members" beside a filled editor
    — the save before had typed the new name into the filter."""
    from clusterdesk.ui.main_window import MainWindow

    controller.create(tmp_path / "ours.clusterdesk", "Ours")
    ctx = controller.ctx
    with ctx.uow() as uow:  # more than a page of the list
        for i in range(70):
            members.add_member(uow.session, members.validate_member(members.MemberInput(
                name=f"Aqua {i:02d} ApS" if i else "Aqua Analyse ApS", city="Vejle")), ctx.today())
        members.add_member(uow.session, members.MemberInput(name="Blå Vand A/S"), ctx.today())
        uow.commit()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_tab("members").organisations
    backup = controller.backup_now()
    qtbot.keyClicks(page.filter_edit, "aqua")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    assert page.editor.name.text() == "Aqua 01 ApS"
    page.editor.name.setText("Aqua Zz Renamed ApS")  # sorts beyond the page on screen
    assert page.editor.save()
    qtbot.wait(10)
    assert page.filter_edit.text() == "aqua" and page.model.rowCount() == 70
    assert selected_names(page) == ["Aqua Zz Renamed ApS"] and page.view.currentIndex().row() == 69
    controller.restore(backup)
    qtbot.wait(10)
    assert page.filter_edit.text() == "aqua"
    assert page.model.rowCount() == 70 and page.count_label.text() == "70 members"
    assert page.editor.name.text() == "Aqua 01 ApS" == selected_names(page)[0]


def test_enter_in_the_filter_selects_the_row_it_shows(qtbot, page):
    qtbot.keyClicks(page.filter_edit, "wastewater")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    assert page.view.hasFocus()
    first = page.model.row_at(0)
    assert selected_names(page) == [first.name] and page.editor.name.text() == first.name


def test_delete_selects_the_next_member(qtbot, page):
    ctx = page.controller.ctx
    page.view.selectRow(3)
    following = page.model.row_at(4)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert members.count_members(ctx) == 79
    assert page.view.currentIndex().row() == 3 and selected_names(page) == [following.name]
    assert page.editor.name.text() == following.name
    last = page.model.rowCount() - 1
    page.view.selectRow(last)
    before_last = page.model.row_at(last - 1)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert selected_names(page) == [before_last.name]  # the last one gone: the new last


def test_the_unsaved_question_names_the_member(qtbot, page, modal_guard):
    page.view.selectRow(0)
    name = page.model.row_at(0).name
    page.editor.city.setText("Somewhere else")
    page.view.selectRow(1)  # moving away asks (the test's answer: discard)
    assert modal_guard[-1] == f"Save the changes to “{name}” first?"
    page.new_member()
    page.editor.name.setText("Havørn ApS")
    assert page.confirm_discard()
    assert modal_guard[-1] == "Save the changes to the new member “Havørn ApS” first?"


def test_today_opens_a_follow_up_on_its_interaction(qtbot, demo_window):
    from clusterdesk.ui.today.page import ITEM_ROLE

    today = demo_window.show_tab("today")
    rows = [today.tree.topLevelItem(i) for i in range(today.tree.topLevelItemCount())]
    row = next(r for r in rows if r.data(0, ITEM_ROLE) is not None
               and r.data(0, ITEM_ROLE).kind == "follow-up")
    item = row.data(0, ITEM_ROLE)
    organisations = demo_window.show_tab("members").organisations
    qtbot.keyClicks(organisations.filter_edit, "zzz no such member")
    demo_window.show_tab("today")
    today.tree.setCurrentItem(row)
    qtbot.keyClick(today.tree, Qt.Key.Key_Return)
    panel = organisations.panel
    assert panel.member_id == item.member_id and panel.tabs.currentIndex() == INTERACTIONS
    assert panel.interactions.current_row().id == item.record_id
    assert organisations.filter_edit.text() == "zzz no such member"  # left as the user had it
    organisations.filters.clear()
    assert organisations.select_member(item.member_id)
    assert organisations.current_member_id() == item.member_id
    panel.show_section(PROFILE)


def test_ctrl_k_opens_a_contact_on_the_contacts_part(qtbot, demo_window):
    from clusterdesk.services.search import search_everything
    from clusterdesk.ui.members.member_panel import CONTACTS

    hit = next(h for h in search_everything(demo_window.controller.ctx, "soren") if h.kind == "contact")
    demo_window.open_hit(hit)
    panel = demo_window.show_tab("members").organisations.panel
    assert panel.member_id == hit.member_id and panel.tabs.currentIndex() == CONTACTS
    assert panel.contacts.current_row().id == hit.id
    assert members.count_members(demo_window.controller.ctx, MemberFilter()) == 80
