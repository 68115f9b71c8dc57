"""Missions ▸ Activities, Partners and Templates driven like a user: a new mission from a
template by keyboard, moving it, signing people up and marking who came, partners filtered
and edited with their people, a template copied and changed without touching checklists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from clusterdesk.domain.money import Money
from clusterdesk.services import activities, checklists, participants, partners
from clusterdesk.services.checklist_templates import get_template
from clusterdesk.ui.common.editable_rows import CheckableListModel, EditableRowsModel, EditColumn
from clusterdesk.ui.common.table_model import ROW_ROLE
from tests.conftest import FIXED_NOW
from tests.ui.keys import MessageBoxAnswers


@pytest.fixture
def missions(qtbot, demo_window):
    return demo_window.show_tab("missions")


def test_a_new_mission_from_a_template_by_keyboard(qtbot, missions, monkeypatch):
    view = missions.show_section("Activities")
    ctx = view.controller.ctx
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = view.editor
    assert editor.record_id is None and editor.name.hasFocus()
    qtbot.keyClicks(editor.name, "Innovation trip to Malm")
    editor.name.insert("ö")  # QTest types ASCII only
    editor.kind.setCurrentIndex(editor.kind.findData("study_trip"))
    assert editor.template_combo.currentData() == "builtin:innovation-mission"  # suggested by kind
    qtbot.keyClicks(editor.starts_on, "16-03-2027")
    qtbot.keyClicks(editor.ends_on, "18-03-2027")
    editor.city.insert("Malmö")
    editor.country.setEditText("Sverige")
    qtbot.keyClicks(editor.budget.amount, "120.000")
    qtbot.keyClicks(editor.price.amount, "4.500,50")
    skane = next(r for r in range(editor.partner_model.rowCount())
                 if "Skåne" in editor.partner_model.index(r).data())
    editor.partner_model.setData(editor.partner_model.index(skane), Qt.CheckState.Checked,
                                 Qt.ItemDataRole.CheckStateRole)
    answers = MessageBoxAnswers(monkeypatch, "Catch up")  # its first decisions were due in September
    qtbot.keyClick(editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert answers.boxes and not editor.dirty and editor.record_id is not None
    detail = activities.get_activity(ctx, editor.record_id)
    assert detail.data.country == "SE" and detail.data.kind == "study_trip"
    assert detail.data.budget == Money.of("120000", "DKK") and detail.data.price == Money.of("4500.50", "DKK")
    assert detail.progress.total == 37 and detail.updated_by == "Tina Tester (TT)"
    assert [partners.get_partner(ctx, p).data.name for p in detail.data.partner_ids] == ["Vattenklustret Skåne"]
    qtbot.waitUntil(lambda: view.current_id() == detail.id)  # selected in the list

    # Ctrl+L opens its checklist in the focused view.
    qtbot.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert missions.current_view() is missions.checklist
    assert missions.checklist.current_activity_id() == detail.id


def test_moving_the_mission_moves_open_items_and_says_so(qtbot, missions, demo_window, monkeypatch):
    view = missions.show_section("Activities")
    ctx = view.controller.ctx
    mission = next(r for r in activities.list_activities(ctx) if r.kind == "company_mission")
    before = {i.id: i for i in checklists.get_checklist(ctx, mission.id).items}
    assert view.select_activity(mission.id)
    editor = view.editor
    editor.starts_on.setText((mission.starts_on + timedelta(days=14)).strftime("%d-%m-%Y"))
    editor.ends_on.setText((mission.ends_on + timedelta(days=14)).strftime("%d-%m-%Y"))
    # Some open items stay in the past after the move: the editor asks; Cancel saves nothing.
    answers = MessageBoxAnswers(monkeypatch)
    assert not editor.save() and editor.dirty
    assert "The new dates put 10 open checklist items in the past" in answers.boxes[0]["text"]
    answers.answers.append("Keep")
    assert editor.save()
    after = {i.id: i for i in checklists.get_checklist(ctx, mission.id).items}
    moved = [i for i in after.values() if i.due_on != before[i.id].due_on]
    assert len(moved) == 25 and all(not i.done for i in moved)
    assert all(after[i].due_on == before[i].due_on for i in after if before[i].done)
    assert "25 open checklist items moved" in demo_window.statusBar().currentMessage()


def test_a_new_event_whose_handbook_dates_passed_catches_up_by_default(qtbot, missions, demo_window,
                                                                        monkeypatch):
    today_tab = demo_window.show_tab("today")
    overdue_before = sum(1 for i in today_tab.items if i.due < FIXED_NOW.date())
    view = demo_window.show_tab("missions").show_section("Activities")
    ctx = view.controller.ctx
    view.new_record()
    editor = view.editor
    editor.name.setText("Water reuse matchmaking")
    editor.kind.setCurrentIndex(editor.kind.findData("matchmaking"))
    assert editor.template_combo.currentData() == "builtin:matchmaking-event"
    start = FIXED_NOW.date() + timedelta(days=120)
    editor.starts_on.setText(start.strftime("%d-%m-%Y"))
    answers = MessageBoxAnswers(monkeypatch, "Catch up")
    qtbot.keyClick(editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    box = answers.boxes[0]
    assert box["text"].startswith("26 of the 42 checklist items would already be overdue")
    assert "27 Nov – 3 Dec 2026" in box["informative"]
    assert box["default"].startswith("Catch up")  # the event is still to come
    assert not editor.dirty and editor.record_id is not None
    assert "26 items whose handbook dates had passed" in demo_window.statusBar().currentMessage()
    items = checklists.get_checklist(ctx, editor.record_id).items
    assert min(i.due_on for i in items if i.due_on) == FIXED_NOW.date()
    today_tab = demo_window.show_tab("today")
    assert sum(1 for i in today_tab.items if i.due < FIXED_NOW.date()) == overdue_before
    assert today_tab.summary.text().startswith(f"{overdue_before} overdue")


def test_keeping_the_handbook_dates_leaves_them_overdue(qtbot, missions, demo_window, monkeypatch):
    view = missions.show_section("Activities")
    ctx = view.controller.ctx
    view.new_record()
    editor = view.editor
    editor.name.setText("Past matchmaking, recorded afterwards")
    editor.kind.setCurrentIndex(editor.kind.findData("matchmaking"))
    editor.starts_on.setText((FIXED_NOW.date() - timedelta(days=3)).strftime("%d-%m-%Y"))
    answers = MessageBoxAnswers(monkeypatch, "Keep")
    assert editor.save()
    assert answers.boxes[0]["default"].startswith("Keep")  # it has already taken place
    items = checklists.get_checklist(ctx, editor.record_id).items
    assert sum(1 for i in items if i.due_on and i.due_on < FIXED_NOW.date()) == 38


def test_refused_activity_keeps_the_typing(qtbot, missions, monkeypatch):
    view = missions.show_section("Activities")
    view.new_record()
    editor = view.editor
    editor.name.setText("Fair in Hannover")
    editor.starts_on.setText("12-04-2027")
    editor.ends_on.setText("10-04-2027")
    editor.budget.amount.setText("lots")
    assert not editor.save()
    assert editor.dirty and editor.name.text() == "Fair in Hannover"
    assert editor.budget.property("invalid") and "not an amount" in editor.errors.text()
    editor.budget.amount.setText("")
    assert not editor.save()
    assert editor.ends_on.property("invalid") and "Last day" in editor.errors.text()
    editor.ends_on.setText("14-04-2027")
    MessageBoxAnswers(monkeypatch, "Keep")
    assert editor.save()


def test_participants_signed_up_and_marked_with_keys(qtbot, missions):
    view = missions.show_section("Activities")
    ctx = view.controller.ctx
    mission = next(r for r in activities.list_activities(ctx) if r.kind == "company_mission")
    view.select_activity(mission.id)
    panel = view.editor.participants
    view.editor.tabs.setCurrentIndex(1)
    assert view.editor.tabs.tabText(1) == "Participants (9)"
    signed_up = {r.member_id for r in participants.list_participants(ctx, mission.id)}
    newcomer = next(c for c in participants.member_choices(ctx) if c.id not in signed_up and c.contacts)
    qtbot.keyClicks(panel.member_edit, newcomer.name)
    assert panel.contact_combo.currentData() == newcomer.contacts[0].id
    qtbot.keyClick(panel.member_edit, Qt.Key.Key_Return)
    rows = participants.list_participants(ctx, mission.id)
    assert len(rows) == 10 and newcomer.id in {r.member_id for r in rows}
    qtbot.keyClicks(panel.member_edit, newcomer.name)  # twice is refused at the field
    qtbot.keyClick(panel.member_edit, Qt.Key.Key_Return)
    assert "already on the list" in panel.member_edit.toolTip()
    assert len(participants.list_participants(ctx, mission.id)) == 10
    # Two selected, key 3 = attended, then key 4 = no-show for one of them.
    panel.view.setFocus()
    panel.view.selectRow(0)
    panel.view.selectionModel().select(panel.proxy.index(1, 0), panel.view.selectionModel().SelectionFlag.Select
                                       | panel.view.selectionModel().SelectionFlag.Rows)
    qtbot.keyClick(panel.view, Qt.Key.Key_3)
    statuses = [r.status for r in participants.list_participants(ctx, mission.id)]
    assert statuses.count("attended") == 2
    panel.view.selectRow(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_4)
    statuses = [r.status for r in participants.list_participants(ctx, mission.id)]
    assert statuses.count("attended") == 1 and statuses.count("no_show") == 1
    assert "1 no-show" in panel.summary.text()


def test_partners_filtered_by_country_label_and_stage_and_edited(qtbot, missions):
    view = missions.show_section("Partners")
    ctx = view.controller.ctx
    assert view.proxy.rowCount() == 9
    view.country_filter.setCurrentIndex(view.country_filter.findText("Germany"))
    assert {view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())} == {
        "Wasser Netzwerk Hamburg e.V.", "Enterprise Europe Network Schleswig-Holstein"}
    view.label_filter.setCurrentIndex(view.label_filter.findData("gold"))
    assert view.proxy.rowCount() == 1
    view.country_filter.setCurrentIndex(0)
    view.label_filter.setCurrentIndex(0)
    view.stage_filter.setCurrentIndex(view.stage_filter.findData("first_contact"))
    assert view.proxy.rowCount() == 2
    view.stage_filter.setCurrentIndex(0)
    qtbot.keyClicks(view.filter_edit, "wojcik")  # a person's name, without the accents
    assert view.proxy.rowCount() == 1
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)
    editor = view.editor
    assert editor.name.text() == "Polski Klaster Technologii Wodnych"
    editor.stage.setCurrentIndex(editor.stage.findData("small_project"))
    editor.add_contact()
    row = editor.contacts.rowCount() - 1
    editor.contacts.setData(editor.contacts.index(row, 0), "Piotr Nowak")
    editor.contacts.setData(editor.contacts.index(row, 2), "piotr@")
    assert not editor.save()
    assert "row 2: “piotr@” is not an email address" in editor.errors.text()
    editor.contacts.setData(editor.contacts.index(row, 2), "piotr.nowak@pktw.example")
    assert editor.save()
    detail = partners.get_partner(ctx, editor.record_id)
    assert detail.data.trust_stage == "small_project"
    assert [c.name for c in detail.data.contacts] == ["Małgorzata Wójcik", "Piotr Nowak"]


def test_a_template_copied_and_changed_leaves_checklists_alone(qtbot, missions):
    view = missions.show_section("Templates")
    ctx = view.controller.ctx
    mission = next(r for r in activities.list_activities(ctx) if r.kind == "company_mission")
    before = checklists.get_checklist(ctx, mission.id)
    view.select_record("builtin:innovation-mission")
    editor = view.editor
    assert editor.items.read_only and editor.copy_button.isVisible()
    assert not editor.save_button.isVisible()
    editor.copy_button.click()
    assert editor.record_id is not None and not editor.record_id.startswith("builtin:")
    assert editor.name.text() == "Innovation or company mission (our version)"
    editor.items.setData(editor.items.index(0, 2), "7 months before start")
    editor.items.setData(editor.items.index(1, 2), "next spring")  # refused: row and column named
    assert not editor.save()
    assert "row 2, due: “next spring” is not a due rule" in editor.errors.text()
    editor.items.setData(editor.items.index(1, 2), "")
    editor.table.setCurrentIndex(editor.items.index(36, 1))
    editor.remove_row()
    assert editor.save()
    saved = get_template(ctx, editor.record_id)
    assert len(saved.items) == 36 and saved.items[0].rule.months == -7 and saved.items[1].rule is None
    assert saved.source == "Handbook appendix 4"
    assert checklists.get_checklist(ctx, mission.id) == before


def test_share_and_import_a_template(qtbot, missions, tmp_path, modal_guard):
    view = missions.show_section("Templates")
    view.select_record("builtin:matchmaking-event")
    path = tmp_path / "matchmaking.toml"
    view.export_toml_to(path, get_template(view.controller.ctx, "builtin:matchmaking-event"))
    view.import_toml_from(path)
    imported = get_template(view.controller.ctx, view.editor.record_id)
    assert imported.name == "International matchmaking event" and len(imported.items) == 42
    assert not imported.builtin
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n[[sections]]\ntitle = "A"\n[[sections.items]]\ntext = "t"\ndue = "soonish"\n')
    count = view.proxy.rowCount()
    view.import_toml_from(bad)
    assert any("“soonish” is not a due rule" in text for text in modal_guard)
    assert view.proxy.rowCount() == count  # nothing imported


def test_editable_and_checkable_models_pass_model_tester(qtmodeltester):
    rows = EditableRowsModel((EditColumn("a", "A"), EditColumn("b", "B")))
    rows.set_rows([{"a": "1", "b": "2"}, {"a": "3"}])
    qtmodeltester.check(rows)
    rows.insert_row(1, {"a": "x"})
    assert rows.move_row(1, 1) == 2 and [r["a"] for r in rows.rows()] == ["1", "3", "x"]
    qtmodeltester.check(rows)
    checks = CheckableListModel()
    checks.set_choices([(1, "one"), (2, "two")])
    checks.set_checked({2})
    qtmodeltester.check(checks)
    assert checks.checked() == (2,)


def test_activities_list_sorts_dates_and_exports(missions, tmp_path):
    from openpyxl import load_workbook

    from clusterdesk.ui.common.export import export_list_to

    view = missions.show_section("Activities")
    view.when_filter.setCurrentIndex(view.when_filter.findData("all"))
    starts = [view.proxy.index(r, 0).data(ROW_ROLE).starts_on for r in range(view.proxy.rowCount())]
    assert starts == sorted(starts) and len(starts) == 7
    view.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    starts = [view.proxy.index(r, 0).data(ROW_ROLE).starts_on for r in range(view.proxy.rowCount())]
    assert starts == sorted(starts, reverse=True)
    target = tmp_path / "activities.xlsx"
    export_list_to(view.controller, view.list_export(), target)
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]][:5] == ["Name", "Kind", "Status", "First day", "Last day"]
    assert sheet.max_row == 8
    assert date(2026, 1, 1) < sheet["D2"].value.date()


def test_activity_names_places_and_statuses_read_in_full_at_1366(qtbot, demo_window):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

    from clusterdesk.ui.common.elided import text_fits

    demo_window.resize(1366, 768)
    view = demo_window.show_tab("missions").show_section("Activities")
    qtbot.waitUntil(lambda: view.view.viewport().width() > 500)
    table = view.view
    metrics = table.fontMetrics()
    for row in range(view.proxy.rowCount()):
        for column in (0, 2, 3, 4):  # name, where, status, checklist
            index = view.proxy.index(row, column)
            assert text_fits(index.data(), metrics, table.visualRect(index), True), index.data()
    # The City field is as wide as the Country beside it, not squeezed by the country list.
    assert view.editor.city.width() >= 0.8 * view.editor.country.width()
    # Where a text is cut short anyway, pointing at it shows all of it.
    table.setWordWrap(False)
    table.setColumnWidth(2, 40)
    index = view.proxy.index(0, 2)
    rect = table.visualRect(index)
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(rect.center()))
    option = QStyleOptionViewItem()
    option.initFrom(table)
    assert table.itemDelegate().helpEvent(event, table, option, index)
    assert QToolTip.text() == index.data()
    # A cell that fits shows no tooltip of its own.
    table.setColumnWidth(2, 400)
    QToolTip.hideText()
    assert not table.itemDelegate().helpEvent(event, table, option, view.proxy.index(0, 2))
