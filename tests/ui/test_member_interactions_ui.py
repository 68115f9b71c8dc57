"""Interactions driven like a user: log a call in a few keystrokes from the member, its
follow-up appears on Today, edit and delete to the bin and restore, refused dates stay typed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import interactions, today
from clusterdesk.ui.common.table_model import ROW_ROLE, SORT_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = date(2026, 11, 27)


@pytest.fixture
def page(qtbot, demo_window):
    view = demo_window.show_tab("members").organisations
    qtbot.keyClicks(view.filter_edit, "Gudena Sensor")
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)
    assert view.editor.name.text() == "Gudenå Sensor ApS"
    return view


def _open_log(qtbot, page):
    qtbot.keyClick(page.view, Qt.Key.Key_L, CTRL)
    dialog = page.panel.interactions.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.kind.hasFocus)
    return dialog


def test_log_a_call_in_a_few_keystrokes(qtbot, page, demo_window):
    ctx = page.controller.ctx
    member_id = page.panel.member_id
    before = len(interactions.list_interactions(ctx, member_id))
    dialog = _open_log(qtbot, page)
    assert page.panel.tabs.currentWidget() is page.panel.interactions
    assert dialog.occurred_on.text() == "27-11-2026"  # today
    assert dialog.staff.currentText() == "Tina Tester (TT)"  # the person at the keyboard
    assert dialog.contact.currentText().startswith("★ ")  # the primary contact
    qtbot.keyClicks(dialog.kind, "P")  # Phone call, by its first letter
    assert dialog.kind.currentData() == "phone_call"
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    assert dialog.occurred_on.hasFocus()
    dialog.summary.setFocus()
    qtbot.keyClicks(dialog.summary, "Interested in the Gdansk mission")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.needs, "Partners in Poland")
    qtbot.keyClick(dialog.needs, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.next_step, "Send the mission programme")
    qtbot.keyClick(dialog.next_step, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.follow_up_on, "+14")
    assert "11 December 2026" in dialog.follow_up_hint.text()
    qtbot.keyClick(dialog.follow_up_on, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter saves
    assert page.panel.interactions.dialog is None
    rows = interactions.list_interactions(ctx, member_id)
    assert len(rows) == before + 1
    logged = rows[0]
    assert (logged.kind, logged.occurred_on, logged.staff) == ("phone_call", TODAY, "Tina Tester (TT)")
    assert logged.summary == "Interested in the Gdansk mission" and logged.needs == "Partners in Poland"
    assert logged.follow_up_on == TODAY + timedelta(days=14) and logged.contact_id is not None
    task = next(i for i in today.agenda(ctx) if i.record_id == logged.id)
    assert task.title == "Gudenå Sensor ApS: Send the mission programme"
    today_page = demo_window.page("today")
    assert any(getattr(item, "record_id", None) == logged.id for item in today_page.items)
    section = page.panel.interactions
    assert section.current_interaction().id == logged.id
    assert "Partners in Poland" in section.details.text()
    assert page.panel.tabs.tabText(2) == f"Interactions ({before + 1})"


def test_refused_dates_stay_typed_and_are_named(qtbot, page):
    ctx = page.controller.ctx
    before = len(interactions.list_interactions(ctx, page.panel.member_id))
    dialog = _open_log(qtbot, page)
    dialog.occurred_on.setText("31-11-2026")
    dialog.follow_up_on.setText("next week")
    dialog.staff.setEditText("")
    assert not dialog.save()
    assert dialog.isVisible()
    assert dialog.occurred_on.text() == "31-11-2026" and dialog.follow_up_on.text() == "next week"
    assert "real date" in dialog.occurred_on._field_message.text()
    assert "not a date" in dialog.follow_up_on._field_message.text()
    assert "secretariat" in dialog.staff._field_message.text()  # the service's check, shown at once
    assert len(interactions.list_interactions(ctx, page.panel.member_id)) == before
    dialog.occurred_on.setText("-2")
    dialog.follow_up_on.setText("")
    dialog.staff.setEditText("Sara Holm (SH)")
    assert dialog.save()
    newest = interactions.list_interactions(ctx, page.panel.member_id)[0]
    assert newest.occurred_on == TODAY - timedelta(days=2) and newest.staff == "Sara Holm (SH)"


def test_edit_mark_done_delete_and_restore(qtbot, page):
    ctx = page.controller.ctx
    member_id = page.panel.member_id
    logged, changes = interactions.log_interaction(ctx, member_id, interactions.InteractionInput(
        kind="visit", occurred_on=TODAY, staff="Tina Tester (TT)", summary="Plant tour",
        follow_up_on=TODAY + timedelta(days=3)))
    page.controller.changed.emit(changes)  # as if a colleague's screen had logged it
    section = page.panel.interactions
    page.panel.show_section(2)
    row = next(i for i in range(section.proxy.rowCount())
               if section.proxy.index(i, 0).data(ROW_ROLE).id == logged.id)
    section.view.selectRow(row)
    qtbot.keyClick(section.view, Qt.Key.Key_Return)  # edit
    dialog = section.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.summary.setPlainText("Plant tour with the new CEO")
    assert dialog.save()
    assert interactions.get_interaction(ctx, logged.id).summary == "Plant tour with the new CEO"
    qtbot.waitUntil(section.view.hasFocus)  # back in the list once the dialog has closed
    assert section.current_interaction().id == logged.id
    qtbot.keyClick(section.view, Qt.Key.Key_D, CTRL)  # follow-up done
    done = interactions.get_interaction(ctx, logged.id)
    assert done.follow_up_done_at is not None and done.follow_up_done_by == "Tina Tester (TT)"
    assert section.model.data(section.model.index(
        next(i for i, r in enumerate(section.model.rows()) if r.id == logged.id), 3)).startswith("✓")
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)
    assert logged.id not in {r.id for r in interactions.list_interactions(ctx, member_id)}
    section.bin.setChecked(True)
    assert [r.id for r in section.model.rows()] == [logged.id]
    section.view.selectRow(0)
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)
    assert logged.id in {r.id for r in interactions.list_interactions(ctx, member_id)}


def test_history_is_newest_first_on_screen(qtbot, page):
    ctx = page.controller.ctx
    for day in (date(2025, 3, 1), date(2026, 9, 15)):  # older and newer than the demo's own
        page.controller.run_op(page, "Log", interactions.log_interaction, page.panel.member_id,
                               interactions.InteractionInput(kind="visit", occurred_on=day,
                                                             staff=ctx.actor, summary="Visit"))
    section = page.panel.interactions
    dates = [section.proxy.index(i, 0).data(SORT_ROLE)
             for i in range(section.proxy.rowCount())]
    assert len(dates) >= 2 and dates == sorted(dates, reverse=True)


def test_a_campaign_call_back_done_here_is_recorded_in_the_campaign(qtbot, demo_window):
    from clusterdesk.services import campaigns

    ctx = demo_window.controller.ctx
    item = next(i for i in today.agenda(ctx) if i.kind == "call-back")
    members_tab = demo_window.show_tab("members")
    assert members_tab.select_member(item.member_id)
    section = members_tab.organisations.panel.interactions
    members_tab.organisations.panel.show_section(2)
    row = next(i for i in range(section.proxy.rowCount())
               if section.proxy.index(i, 0).data(ROW_ROLE).follow_up_on == item.due)
    section.view.selectRow(row)
    qtbot.keyClick(section.view, Qt.Key.Key_D, CTRL)  # follow-up done
    assert demo_window.statusBar().currentMessage().startswith("Call-back done: recorded in the campaign")
    target = {t.id: t for t in campaigns.campaign_targets(ctx, item.campaign_id)}[item.record_id]
    assert target.status == "done"
    assert item.record_id not in {i.record_id for i in today.agenda(ctx)}
