"""Evaluations ▸ Per activity and Outcomes driven like a user: a participant's answers typed
from the paper form, the evaluation closed with Ctrl+D, the follow-up moved to nine months,
answers imported from Excel after a dry run, outcomes typed into the grid with a refused cell
kept and put right, and Today opening an evaluation due."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt

from clusterdesk.services import answers, evaluations, outcomes, today
from clusterdesk.ui.common.table_model import ROW_ROLE
from tests.ui.keys import CTRL, DialogSteps, focused, press, type_text

K = Qt.Key


@pytest.fixture
def tab(qtbot, demo_window):
    return demo_window.show_tab("evaluations")


def trip_of(ctx, word="Netherlands"):
    return next(s for s in evaluations.list_evaluations(ctx) if word in s.name)


def type_in_cell(qtbot, text: str) -> None:
    """As a user types into a grid: the first key opens the cell's editor, which then has the
    keyboard for the rest."""
    type_text(qtbot, text[0])
    if len(text) > 1:
        type_text(qtbot, text[1:])


def select_participant(editor, predicate):
    for row in range(editor.proxy.rowCount()):
        if predicate(editor.proxy.index(row, 0).data(ROW_ROLE)):
            editor.view.selectRow(row)
            editor.view.setFocus()
            return editor.proxy.index(row, 0).data(ROW_ROLE)
    raise AssertionError("no such participant")


def test_the_missing_answers_typed_from_paper_close_the_evaluation(qtbot, tab, demo_window):
    view = tab.show_section("Per activity")
    ctx = view.controller.ctx
    trip = trip_of(ctx)
    assert view.select_activity(trip.activity_id)
    editor = view.editor
    assert "6 of 7 participants answered" in editor.evaluation_state.text()
    assert "overdue" in editor.evaluation_state.text()
    person = select_participant(editor, lambda p: p.counted and p.evaluation_id is None)

    def fill(dialog):
        assert dialog.member.text() == person.member_name and dialog.contact.currentData() == person.contact_id
        overall = dialog.form.widget_for("overall_rating")
        overall.focus_target().setFocus()
        press(qtbot, K.Key_5)  # the digit picks the rating
        again = dialog.form.widget_for("again")
        again.focus_target().setFocus()
        press(qtbot, K.Key_1)  # yes
        dialog.form.widget_for("learned").edit.setFocus()
        type_text(qtbot, "Who buys at the water boards")
        press(qtbot, K.Key_S, CTRL)
        assert not dialog.isVisible()
    steps = DialogSteps(fill)
    press(qtbot, K.Key_Return)  # Enter on the participant: their answers
    steps.check(qtbot)
    saved = next(s for s in answers.list_answer_sets(ctx, editor.detail.questionnaire_id)
                 if s.member_id == person.member_id)
    detail = answers.get_answer_set(ctx, saved.id)
    assert detail.activity_id == trip.activity_id and detail.answered_by == "Tina Tester (TT)"
    assert detail.answers["overall_rating"].number == Decimal(5)
    assert detail.answers["again"].choices == ("yes",)
    # Everyone who came has answered now: closed, and gone from Today.
    assert "everyone has answered" in editor.evaluation_state.text()
    assert not [i for i in today.agenda(ctx) if i.kind == "evaluation" and i.activity_id == trip.activity_id]
    assert view.current_id() == trip.activity_id
    assert view.model.rows()[0].answered == 7


def test_closing_with_ctrl_d_and_the_follow_up_moved_to_nine_months(qtbot, tab):
    view = tab.show_section("Per activity")
    ctx = view.controller.ctx
    trip = trip_of(ctx)
    view.select_activity(trip.activity_id)
    editor = view.editor
    editor.view.setFocus()
    press(qtbot, K.Key_D, CTRL)
    state = evaluations.get_evaluation(ctx, trip.activity_id).state
    assert state.evaluation_done_by == "Tina Tester (TT)"
    assert "closed by Tina Tester (TT)" in editor.evaluation_state.text()
    assert editor.close_evaluation.text() == "Reopen"
    editor.months.setCurrentIndex(editor.months.findData(9))
    assert editor.dirty
    press(qtbot, K.Key_S, CTRL)
    assert not editor.dirty
    detail = evaluations.get_evaluation(ctx, trip.activity_id)
    assert detail.plan.follow_up_months == 9 and detail.state.follow_up_due == date(2027, 6, 15)
    assert "due 15 Jun 2027 (9 months after)" in editor.follow_up_state.text()


def test_answers_imported_from_excel_after_a_dry_run(qtbot, tab, tmp_path):
    from clusterdesk.ui.evaluations.answer_import import AnswerImportDialog

    view = tab.show_section("Per activity")
    ctx = view.controller.ctx
    trip = trip_of(ctx, "Malmö")
    view.select_activity(trip.activity_id)
    detail = view.editor.detail
    missing = [p for p in detail.participants if p.counted and p.evaluation_id is None]
    assert len(missing) == 2
    book = Workbook()
    sheet = book.active
    sheet.append(["Member", "Q7 All things considered, how would you rate the activity?", "Q8"])
    sheet.append([missing[0].member_name, 4, "yes"])
    sheet.append([missing[1].member_name, 9, "maybe"])
    path = tmp_path / "malmo.xlsx"
    book.save(path)
    dialog = AnswerImportDialog(view.controller, trip.activity_id, trip.name,
                                [(detail.questionnaire_id, detail.questionnaire_name)], view)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.run_check()
    assert not dialog.import_button.isEnabled() and not dialog.problems_view.isHidden()
    problem = dialog.problems.rows()[0]
    assert (problem.row, problem.value) == (3, "9") and "1 to 5" in problem.reason
    assert "1 problem" in dialog.summary.text()
    sheet["B3"] = 3
    book.save(path)
    dialog.run_check()
    assert dialog.import_button.isEnabled() and dialog.plan.rowCount() == 2
    dialog.do_import()
    assert dialog.result() == dialog.DialogCode.Accepted
    state = evaluations.get_evaluation(ctx, trip.activity_id).state
    assert (state.counted, state.answered) == (6, 6)
    assert "Imported from malmo.xlsx: 2 new" in view.window().statusBar().currentMessage()


def test_outcomes_typed_in_the_grid_a_refused_cell_is_kept_and_put_right(qtbot, tab):
    ctx = tab.controller.ctx
    trip = trip_of(ctx)
    tab.show_section("Per activity").select_activity(trip.activity_id)
    tab.activities.editor.outcomes_button.click()
    view = tab.current_view()
    assert view is tab.outcomes and view.activity_id == trip.activity_id
    assert view.model.rowCount() == 8 and "850.000,00\xa0kr." in view.totals.text()
    view.grid.setFocus()
    press(qtbot, K.Key_Insert)  # a new row, the cursor on its participant
    row = view.model.rowCount() - 1
    assert view.grid.currentIndex().row() == row and view.grid.currentIndex().column() == 0
    for text in ("Skagerrak Måleteknik ApS", "Order", "", "Waternet", "Netherlands", "lots", "EUR"):
        if text:
            type_in_cell(qtbot, text)
        press(qtbot, K.Key_Tab)
    assert view.dirty
    press(qtbot, K.Key_S, CTRL)
    assert view.model.errors() == {(row, "value"): "“lots” is not an amount; write e.g. 45.000 or 1.250,50"}
    assert f"Row {row + 1}, Value" in view.errors.text() and view.model.rows()[row]["value"] == "lots"
    assert (view.grid.currentIndex().row(), view.grid.currentIndex().column()) == (row, 5)
    assert len(outcomes.list_outcomes(ctx, trip.activity_id)) == 8  # nothing saved
    type_in_cell(qtbot, "12.500")
    press(qtbot, K.Key_Return)  # the cell's editor hands its text over a moment later
    qtbot.waitUntil(lambda: view.model.rows()[row]["value"] == "12.500")
    # (offscreen, the window's focus is not handed back by itself once the cell editor closed)
    view.window().activateWindow()
    view.grid.setFocus()
    assert view.model.errors() == {}
    press(qtbot, K.Key_S, CTRL)
    saved = outcomes.list_outcomes(ctx, trip.activity_id)
    assert len(saved) == 9 and saved[-1].partner == "Waternet" and str(saved[-1].value.amount) == "12500.00"
    assert "55.000,00\xa0€" in view.totals.text()  # 42.500 + 12.500, in euros
    assert not view.dirty


def test_an_outcome_taken_out_goes_to_the_bin_and_comes_back(qtbot, tab):
    ctx = tab.controller.ctx
    trip = trip_of(ctx)
    view = tab.open_outcomes(trip.activity_id) and tab.outcomes
    view.grid.setCurrentIndex(view.model.index(0, 0))
    view.grid.setFocus()
    press(qtbot, K.Key_Delete)
    press(qtbot, K.Key_S, CTRL)
    assert len(outcomes.list_outcomes(ctx, trip.activity_id)) == 7
    view.bin_toggle.setChecked(True)
    assert view.model.rowCount() == 1 and view.restore_button.isVisible()
    view.grid.setCurrentIndex(view.model.index(0, 0))
    view.restore_button.click()
    assert len(outcomes.list_outcomes(ctx, trip.activity_id)) == 8


def test_today_opens_the_evaluation_due(qtbot, demo_window):
    page = demo_window.show_tab("today")
    tree = page.tree
    row = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
               if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 10) is not None
               and tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 10).kind == "long-term-follow-up")
    item = row.data(0, Qt.ItemDataRole.UserRole + 10)
    page._open_item(row)
    tab = demo_window.current_page()
    assert tab is demo_window.page("evaluations") and tab.current_view() is tab.activities
    assert tab.activities.current_id() == item.activity_id
    assert "Malmö" in tab.activities.editor.title.text()
    assert focused() is not None


def test_answers_for_an_activity_without_a_plan_save_the_default_plan_first(qtbot, tab):
    view = tab.show_section("Per activity")
    ctx = view.controller.ctx
    mission = next(s for s in evaluations.list_evaluations(ctx, evaluations.EvaluationFilter(when="all"))
                   if "Hamburg" in s.name)
    assert evaluations.get_evaluation(ctx, mission.activity_id).plan.version == 0  # no plan yet
    assert view.select_activity(mission.activity_id)  # not taken place yet: the filter makes way
    assert view.when_filter.currentData() == "all"
    select_participant(view.editor, lambda p: p.counted)
    seen = []
    steps = DialogSteps(lambda dialog: seen.append(dialog.windowTitle()))
    press(qtbot, K.Key_Return)
    steps.check(qtbot)
    assert seen == ["New answers — Evaluation after an international activity"]
    plan = evaluations.get_evaluation(ctx, mission.activity_id).plan
    assert plan.version == 1 and plan.follow_up_months == 6


def test_the_sheet_to_fill_in_holds_only_those_still_to_answer(qtbot, tab, tmp_path, monkeypatch):
    # QA: a blank row for someone who had answered, filled in and imported, replaced their answers.
    from clusterdesk.ui.evaluations import answer_import

    view = tab.show_section("Per activity")
    trip = trip_of(view.controller.ctx, "Malmö")
    view.select_activity(trip.activity_id)
    detail = view.editor.detail
    waiting = {p.member_name for p in detail.participants if p.counted and p.evaluation_id is None}
    answered = {p.member_name for p in detail.participants if p.counted and p.evaluation_id}
    assert waiting and answered
    target = tmp_path / "answers.xlsx"
    monkeypatch.setattr(answer_import, "ask_save_path", lambda *a: target)
    view.answer_sheet()
    rows = list(load_workbook(target)["Answers"].iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in rows} == waiting
