"""Today as the secretariat starts the day: items from every part grouped by day, a click or
Enter opens the record in its tab, the box marks it done, the phases show what the data says,
and the calendar goes out as an .ics file that parses back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from clusterdesk.services import campaigns, checklists, today
from clusterdesk.ui.today.page import ITEM_ROLE, day_group
from tests.conftest import FIXED_NOW
from tests.ui.keys import MessageBoxAnswers


@pytest.fixture
def page(qtbot, demo_window):
    return demo_window.show_tab("today")


def rows(page):
    tree = page.tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def first_row(page, kind):
    return next(r for r in rows(page) if r.data(0, ITEM_ROLE) is not None and r.data(0, ITEM_ROLE).kind == kind)


def test_items_from_every_source_grouped_by_day(page):
    kinds = {r.data(0, ITEM_ROLE).kind for r in rows(page) if r.data(0, ITEM_ROLE) is not None}
    assert kinds == {s.kind for s in today.SOURCES}  # the demo has items of every source
    headings = [r.text(0) for r in rows(page) if r.data(0, ITEM_ROLE) is None]
    assert headings[0] == "Overdue" and headings[1].startswith("Today — Friday 27 November")
    assert len(headings) == len(set(headings))  # one heading per day
    dues = [r.data(0, ITEM_ROLE).due for r in rows(page) if r.data(0, ITEM_ROLE) is not None]
    assert dues == sorted(dues)
    assert "overdue" in page.summary.text()


def test_a_click_opens_a_checklist_item_in_the_focused_checklist(qtbot, page, demo_window):
    row = first_row(page, "checklist")
    item = row.data(0, ITEM_ROLE)
    rect = page.tree.visualItemRect(row)
    x = page.tree.header().sectionPosition(2) + 10
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().__class__(x, rect.center().y()))
    missions = demo_window.current_page()
    assert demo_window.tabs.currentIndex() == 4 and missions.current_view() is missions.checklist
    assert missions.checklist.current_activity_id() == item.activity_id
    assert missions.checklist.current_item().id == item.record_id


def test_enter_opens_an_activity_and_a_follow_up(qtbot, page, demo_window):
    activity = first_row(page, "activity")
    page.tree.setCurrentItem(activity)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    missions = demo_window.current_page()
    assert missions.current_view() is missions.activities
    assert missions.activities.current_id() == activity.data(0, ITEM_ROLE).record_id
    page = demo_window.show_tab("today")
    follow_up = first_row(page, "follow-up")
    page.tree.setCurrentItem(follow_up)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    members = demo_window.current_page()
    assert members.organisations.current_member_id() == follow_up.data(0, ITEM_ROLE).member_id


def test_the_box_ticks_a_checklist_item_with_who_and_when(qtbot, page):
    ctx = page.controller.ctx
    row = first_row(page, "checklist")
    item = row.data(0, ITEM_ROLE)
    before = len(page.items)
    row.setCheckState(0, Qt.CheckState.Checked)  # what a click on the box does
    qtbot.waitUntil(lambda: len(page.items) == before - 1)
    ticked = {i.id: i for i in checklists.get_checklist(ctx, item.activity_id).items}[item.record_id]
    assert ticked.done_by == "Tina Tester (TT)" and ticked.done_at == FIXED_NOW
    activity_row = first_row(page, "activity")
    assert not activity_row.flags() & Qt.ItemFlag.ItemIsUserCheckable  # an activity is opened, not ticked


def test_the_phases_show_the_evidence_of_the_data(page):
    texts = [label.text() for label in page.phases.findChildren(type(page.summary))]
    joined = "\n".join(texts)
    assert "Have the members been heard?" in joined
    assert "of 80 members had a visit, call or meeting in the last 12 months" in joined
    assert "3 established, 4 in a small joint project, 2 at first contact" in joined
    assert "9 partners abroad in 8 countries" in joined


def test_calendar_exported_from_the_window_parses_back(qtbot, page, demo_window, tmp_path):
    from icalendar import Calendar

    from clusterdesk.ui.today.calendar import export_calendar_to

    target = tmp_path / "work.ics"
    export_calendar_to(demo_window.controller, target, demo_window)
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    entries = today.calendar_entries(demo_window.controller.ctx)
    assert len(events) == len(entries) > 50
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "Company mission to Hamburg – smart water networks" in summaries
    assert "Launch the event website — Nordic Water Matchmaking Days 2027" in summaries
    assert "calendar entries" in demo_window.statusBar().currentMessage()
    assert demo_window.act_calendar.shortcut().toString() == "Ctrl+Shift+I"


def test_day_groups():
    from datetime import date

    today_ = date(2026, 11, 27)
    assert day_group(date(2026, 11, 20), today_) == "Overdue"
    assert day_group(today_, today_) == "Today — Friday 27 November"
    assert day_group(date(2026, 11, 28), today_) == "Tomorrow — Saturday 28 November"
    assert day_group(date(2026, 12, 1), today_) == "Tuesday 1 December"
    assert day_group(date(2027, 1, 5), today_) == "Tuesday 5 January 2027"


def test_a_tick_on_today_shows_in_the_checklist(qtbot, page, demo_window):
    missions = demo_window.show_tab("missions")
    missions.show_section("Checklist")
    done_before = missions.checklist.checklist.progress.done
    page = demo_window.show_tab("today")  # the checklist is hidden now
    row = first_row(page, "checklist")
    item = row.data(0, ITEM_ROLE)
    assert item.activity_id == missions.checklist.current_activity_id()  # the mission's
    page.tree.setCurrentItem(row)
    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    demo_window.show_tab("missions")
    assert missions.checklist.checklist.progress.done == done_before + 1
    assert missions.checklist.show_activity(item.activity_id, item.record_id)
    assert missions.checklist.current_item().done


def campaign_target(ctx, item):
    return {t.id: t for t in campaigns.campaign_targets(ctx, item.campaign_id)}[item.record_id]


def test_enter_on_a_campaign_call_back_opens_the_call_screen_on_that_member(qtbot, page, demo_window):
    row = first_row(page, "call-back")
    item = row.data(0, ITEM_ROLE)
    page.tree.setCurrentItem(row)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    members = demo_window.current_page()
    view = members.current_view()
    assert members.sections.tabText(members.sections.currentIndex()) == "Campaigns"
    assert view.calling() and view.call_screen.card.target_id == item.record_id
    assert view.call_screen.member_card.name.text() == item.title.split(":")[0]
    assert "Call back overdue since" in view.call_screen.member_card.status.text()


def test_marking_a_call_back_done_on_today_is_explained_and_the_campaign_agrees(
        qtbot, page, demo_window, monkeypatch):
    ctx = page.controller.ctx
    row = first_row(page, "call-back")
    item = row.data(0, ITEM_ROLE)
    (campaign,) = campaigns.list_campaigns(ctx)
    page.tree.setCurrentItem(row)
    # Cancel: nothing changes, and a box ticked by a click is cleared again.
    answers = MessageBoxAnswers(monkeypatch)
    row.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: len(answers.boxes) == 1)
    box = answers.boxes[0]
    assert box["text"] == item.title and "without answers" in box["informative"]
    assert box["default"] == "Open the call screen"
    assert row.checkState(0) == Qt.CheckState.Unchecked
    assert campaign_target(ctx, item).status == "call_back"
    # Mark done: the campaign counts the call-back as called, and Today drops it.
    answers.answers.append("Mark done")
    page.tree.setCurrentItem(row)
    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert campaign_target(ctx, item).status == "done"
    (after,) = campaigns.list_campaigns(ctx)
    assert after.progress.finished == campaign.progress.finished + 1
    assert item.record_id not in {i.record_id for i in page.items}
    campaigns_view = demo_window.show_tab("members").show_section("Campaigns")
    shown = {t.id: t for t in campaigns_view.targets.model.rows()}[item.record_id]
    assert shown.status == "done" and shown.call_back_on is None


def test_open_instead_of_marking_done_goes_to_the_call_screen(qtbot, page, demo_window, monkeypatch):
    row = first_row(page, "call-back")
    item = row.data(0, ITEM_ROLE)
    page.tree.setCurrentItem(row)
    MessageBoxAnswers(monkeypatch, "Open the call screen")
    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    view = demo_window.current_page().current_view()
    assert view.calling() and view.call_screen.card.target_id == item.record_id
    assert campaign_target(page.controller.ctx, item).status == "call_back"


def test_who_and_the_phases_fit_at_1366(qtbot, page, demo_window):
    from clusterdesk.ui.common.elided import text_fits
    from clusterdesk.ui.today.page import WHO_COLUMN

    demo_window.resize(1366, 768)
    qtbot.wait(50)
    tree = page.tree
    who = [r for r in rows(page) if r.data(0, ITEM_ROLE) is not None and r.text(WHO_COLUMN)]
    assert any(r.text(WHO_COLUMN) == "Ahmed Rashid (AR)" for r in who)
    for row in who:
        rect = tree.visualItemRect(row)
        rect.setWidth(tree.columnWidth(WHO_COLUMN))
        assert text_fits(row.text(WHO_COLUMN), tree.fontMetrics(), rect, False), row.text(WHO_COLUMN)
    for row in rows(page)[:20]:  # cut-short texts are in the tooltips, whole
        item = row.data(0, ITEM_ROLE)
        if item is not None:
            assert row.toolTip(2) == item.title and row.toolTip(4) == item.detail
    scroll = page.phases.parentWidget().parentWidget()
    assert not scroll.horizontalScrollBar().isVisible()  # the phase texts wrap
