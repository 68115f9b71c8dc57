"""The focused checklist driven like a project leader on the road: the keyboard ticks a whole
mission checklist (who, when and progress end up in the database), notes with N, hide done,
a click on the box, edit and remove with undo, exports from the window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clusterdesk.services import activities, checklists
from clusterdesk.services.activities import ActivityInput
from clusterdesk.services.checklist_templates import get_template
from clusterdesk.ui.common.theme import DUE_SOON, OVERDUE
from clusterdesk.ui.missions.checklist_model import ITEM_ROLE, ChecklistModel
from tests.conftest import FIXED_NOW
from tests.ui.keys import MessageBoxAnswers


@pytest.fixture
def view(qtbot, demo_window):
    page = demo_window.show_tab("missions")
    return page.show_section("Checklist")


def mission_id(ctx):
    return next(r.id for r in activities.list_activities(ctx) if r.kind == "company_mission")


def test_the_next_mission_is_shown_with_its_progress(view):
    ctx = view.controller.ctx
    assert view.current_activity_id() == mission_id(ctx)
    assert view.progress.text().startswith("12 of 37 done")
    assert view.overdue_label.text() == "11 overdue"
    assert view.who.text() == "Ticking as Tina Tester (TT)"
    assert not view.current_item().done  # the cursor starts on the first thing to do


def test_ticking_a_whole_mission_checklist_by_keyboard(qtbot, view):
    ctx = view.controller.ctx
    activity_id = mission_id(ctx)
    view.tree.setFocus()
    first_open = view.current_item()
    open_count = sum(1 for i in view.checklist.items if not i.done)
    for _ in range(open_count):
        qtbot.keyClick(view.tree, Qt.Key.Key_Space)  # ticks, then moves on to the next open item
    checklist = checklists.get_checklist(ctx, activity_id)
    assert str(checklist.progress) == "37 of 37 done"
    ticked_now = [i for i in checklist.items if i.done_at == FIXED_NOW]
    assert len(ticked_now) == open_count
    assert {i.done_by for i in ticked_now} == {"Tina Tester (TT)"}
    kept = [i for i in checklist.items if i.done_at != FIXED_NOW]
    assert len(kept) == 12 and "Tina Tester (TT)" not in {i.done_by for i in kept}
    assert view.progress.text().startswith("37 of 37 done (100 %)")
    for title, _items in checklist.sections():
        assert checklist.section_progress(title).done == checklist.section_progress(title).total
    # Space on a ticked item unticks it; who and when are cleared.
    view.tree.setCurrentIndex(view.model.index_of(first_open.id))
    qtbot.keyClick(view.tree, Qt.Key.Key_Space)
    again = {i.id: i for i in checklists.get_checklist(ctx, activity_id).items}[first_open.id]
    assert again.done_at is None and again.done_by == ""


def test_a_note_with_n_and_ctrl_enter(qtbot, view):
    item = view.current_item()
    qtbot.keyClick(view.tree, Qt.Key.Key_N)
    dialog = view.dialog
    assert dialog.isVisible() and dialog.focusWidget() is dialog.text
    qtbot.keyClicks(dialog.text, "Hotel block held until Friday")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    saved = {i.id: i for i in checklists.get_checklist(view.controller.ctx, view.current_activity_id()).items}
    assert saved[item.id].note == "Hotel block held until Friday"
    assert view.current_item().id == item.id  # the cursor stays on the item


def test_hide_done_and_one_click_on_the_box(qtbot, view):
    view.hide_done.setChecked(True)
    shown = view.model.items()
    assert len(shown) == 25 and not any(i.done for i in shown)
    first = view.model.item_indexes()[0]
    rect = view.tree.visualRect(first)
    box = view.tree.itemDelegate().box_rect(rect).center()
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=box)
    qtbot.waitUntil(lambda: len(view.model.items()) == 24)  # ticked and hidden
    assert view.progress.text().startswith("13 of 37 done")
    # A click on the text only selects.
    second = view.model.item_indexes()[0]
    text_point = view.tree.visualRect(second).center()
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=text_point)
    assert len(view.model.items()) == 24


def test_ctrl_z_undoes_ticks_unticks_notes_and_removals_even_when_hidden(qtbot, view, demo_window):
    ctx = view.controller.ctx
    status = demo_window.statusBar()

    def saved(item_id):
        return {i.id: i for i in checklists.get_checklist(ctx, view.current_activity_id()).items}[item_id]

    view.hide_done.setChecked(True)
    view.tree.setFocus()
    first, second = view.model.items()[:2]
    qtbot.keyClick(view.tree, Qt.Key.Key_Space)  # an accidental tick: the item vanishes
    qtbot.keyClick(view.tree, Qt.Key.Key_Space)  # and the next one too
    assert first.id not in {i.id for i in view.model.items()}
    assert view.undo_button.isEnabled() and "tick of" in view.undo_button.toolTip()
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status.currentMessage().startswith(f"Undone: tick of “{second.text[:30]}")
    assert not saved(second.id).done and view.current_item().id == second.id  # back, selected
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not saved(first.id).done and view.current_item().id == first.id
    assert saved(first.id).due_on == first.due_on and saved(first.id).version > first.version

    # An untick undone gives the item back its first ticker and time.
    view.hide_done.setChecked(False)
    done = next(i for i in view.model.items() if i.done)
    view.tree.setCurrentIndex(view.model.index_of(done.id))
    qtbot.keyClick(view.tree, Qt.Key.Key_Space)
    assert not saved(done.id).done
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    again = saved(done.id)
    assert (again.done_at, again.done_by) == (done.done_at, done.done_by) and again.done_by != "Tina Tester (TT)"
    assert status.currentMessage().startswith("Undone: untick of")

    # A note, then a removal: undone newest first.
    item = next(i for i in view.model.items() if not i.done)
    view.tree.setCurrentIndex(view.model.index_of(item.id))
    qtbot.keyClick(view.tree, Qt.Key.Key_N)
    view.dialog.text.setPlainText("Wrong activity!")
    view.dialog.accept()
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert item.id not in {i.id for i in view.model.items()}
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(item.id).note == "Wrong activity!" and status.currentMessage().startswith("Undone: removal of")
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(item.id).note == item.note and status.currentMessage().startswith("Undone: note on")
    # Nothing left to undo: it says so.
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status.currentMessage() == "Nothing to undo on the checklists."
    assert not view.undo_button.isEnabled()


def test_an_undo_never_overwrites_someone_elses_later_change(qtbot, view, modal_guard):
    ctx = view.controller.ctx
    item = view.current_item()
    view.tick(item, True)
    checklists.set_item_note(ctx, item.id, "Colleague: booked")  # someone else, meanwhile
    view.undo()
    assert any("was changed by" in text and "nothing was undone" in text for text in modal_guard)
    row = {i.id: i for i in checklists.get_checklist(ctx, view.current_activity_id()).items}[item.id]
    assert row.done and row.note == "Colleague: booked"


def test_overdue_items_are_drawn_in_red_and_due_soon_in_amber(view):
    from clusterdesk.domain.checklists import due_state

    today = FIXED_NOW.date()
    checklists.add_item(view.controller.ctx, view.current_activity_id(), checklists.ItemInput(
        "Just before departure", "Confirm the dinner reservation", due_on=date(2026, 11, 29)))
    view._load_checklist()

    def due_colours(state: str) -> set[str]:
        index = next(ix for ix in view.model.item_indexes()
                     if due_state(ix.data(ITEM_ROLE).due_on, ix.data(ITEM_ROLE).done, today) == state)
        view.tree.clearSelection()  # a selected row is drawn in the highlight colours
        view.tree.scrollTo(index)
        QApplication.processEvents()
        rect = view.tree.visualRect(index)
        image = view.tree.viewport().grab().toImage()
        return {image.pixelColor(x, y).name() for x in range(rect.right() - 130, rect.right())
                for y in range(rect.top(), rect.top() + 22)}

    assert OVERDUE in due_colours("overdue")
    assert DUE_SOON in due_colours("soon")
    assert OVERDUE not in due_colours("later") and DUE_SOON not in due_colours("later")


def test_add_edit_remove_and_undo(qtbot, view):
    ctx = view.controller.ctx
    before = len(view.checklist.items)
    after_item = view.current_item()
    qtbot.keyClick(view.tree, Qt.Key.Key_Insert)
    dialog = view.dialog
    qtbot.keyClicks(dialog.text, "Book the bus from the airport")
    dialog.owner.setText("JB")
    dialog.due.setText("10-12-2026")
    dialog.accept()
    items = checklists.get_checklist(ctx, view.current_activity_id()).items
    assert len(items) == before + 1
    added = next(i for i in items if i.text == "Book the bus from the airport")
    assert added.section == after_item.section and added.owner == "JB" and added.due_on == date(2026, 12, 10)
    assert view.current_item().id == added.id
    qtbot.keyClick(view.tree, Qt.Key.Key_E)
    view.dialog.due.setText("31-02-2026")  # refused at the field; the dialog stays open
    view.dialog.accept()
    assert view.dialog.isVisible() and view.dialog.due.property("invalid")
    view.dialog.due.setText("11-12-2026")
    view.dialog.moves.setChecked(False)
    view.dialog.accept()
    edited = {i.id: i for i in checklists.get_checklist(ctx, view.current_activity_id()).items}[added.id]
    assert edited.due_on == date(2026, 12, 11) and edited.rule is None
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert added.id not in {i.id for i in checklists.get_checklist(ctx, view.current_activity_id()).items}
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert added.id in {i.id for i in checklists.get_checklist(ctx, view.current_activity_id()).items}


def test_an_activity_without_checklist_gets_one_from_a_template(qtbot, view):
    ctx = view.controller.ctx
    detail, _ = activities.create_activity(ctx, ActivityInput(
        name="Matchmaking at Aquatech", kind="matchmaking", starts_on=date(2027, 11, 2)))
    assert view.show_activity(detail.id)
    assert view.stack.currentIndex() == 1 and "has no checklist yet" in view.empty_label.text()
    assert view.template_combo.currentText().startswith("International matchmaking event")
    view.template_button.click()
    assert view.stack.currentIndex() == 0
    assert view.progress.text().startswith("0 of 42 done")


def test_template_items_whose_dates_passed_can_catch_up(qtbot, view, monkeypatch):
    ctx = view.controller.ctx
    detail, _ = activities.create_activity(ctx, ActivityInput(
        name="Matchmaking in Aarhus", kind="matchmaking", starts_on=date(2027, 3, 27)))
    assert view.show_activity(detail.id)
    answers = MessageBoxAnswers(monkeypatch)  # Cancel first: nothing is added
    view.template_button.click()
    assert answers.boxes[0]["text"].startswith("26 of the 42 checklist items would already be overdue")
    assert view.stack.currentIndex() == 1
    answers.answers.append("Catch up")
    view.template_button.click()
    assert view.stack.currentIndex() == 0 and view.overdue_label.text() == ""
    assert view.progress.text().startswith("0 of 42 done")


def test_exports_from_the_window(view, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    view.export_pdf_to(tmp_path / "c.pdf")
    view.export_excel_to(tmp_path / "c.xlsx")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "c.pdf").pages)
    assert view.checklist.activity_name in text
    sheet = load_workbook(tmp_path / "c.xlsx").active
    assert sheet.max_row == 38 and sheet["B2"].value == view.checklist.items[0].text
    export = view.list_export()  # File ▸ Export list (Ctrl+E) on this section
    assert len(export.rows) == 37 and export.columns[2].title == "Status"


def test_checklist_model_passes_model_tester(qtmodeltester, demo_ctx):
    checklist = checklists.get_checklist(demo_ctx, mission_id(demo_ctx))
    model = ChecklistModel()
    model.set_checklist(checklist, FIXED_NOW.date())
    qtmodeltester.check(model)
    model.set_checklist(checklist, FIXED_NOW.date(), hide_done=True)
    qtmodeltester.check(model)
    assert model.rowCount() == 7  # sections with something left to do
    template = get_template(demo_ctx, "builtin:innovation-mission")
    assert len(template.items) == 37
