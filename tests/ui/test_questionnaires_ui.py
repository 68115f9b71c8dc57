"""Members ▸ Questionnaires driven like a user: build one by keyboard, change an answered one
(a new revision), answer on a member's behalf with a prefilled follow-up, results and the
raw answers in Excel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clusterdesk.domain.questionnaires import AnswerValue
from clusterdesk.services import answers, campaigns, members, surveys
from tests.ui.keys import ALT, CTRL, DialogSteps, focused, press, type_text

K = Qt.Key


@pytest.fixture
def view(qtbot, demo_window):
    return demo_window.show_tab("members").show_section("Questionnaires")


def test_build_a_questionnaire_by_keyboard(qtbot, view):
    ctx = view.controller.ctx
    view.view.setFocus()
    press(qtbot, K.Key_N, CTRL)
    builder = view.builder
    assert focused() is builder.name
    type_text(qtbot, "Fair follow-up")
    press(qtbot, K.Key_Insert, ALT)  # first question
    assert focused() is builder.text
    type_text(qtbot, "Which fair halls did you visit?")
    press(qtbot, K.Key_P, ALT)  # Type: stays single choice → multiple choice
    type_text(qtbot, "M")
    assert builder.kind.currentData() == "multiple_choice"
    press(qtbot, K.Key_C, ALT)  # the choices list
    press(qtbot, K.Key_Insert)
    for label in ("Hall A", "Hall B", "Hall C"):
        type_text(qtbot, label)
        press(qtbot, K.Key_Return)  # Enter on the last choice starts the next
        qtbot.wait(20)  # the list takes the typed text in its next round of events
    press(qtbot, K.Key_Escape)  # leave the empty new line
    press(qtbot, K.Key_Insert, ALT)
    type_text(qtbot, "How useful was the fair?")
    press(qtbot, K.Key_P, ALT)
    type_text(qtbot, "R")
    assert builder.kind.currentData() == "rating"
    press(qtbot, K.Key_Up, ALT)  # the rating first
    press(qtbot, K.Key_S, CTRL)
    assert not builder.dirty
    saved = surveys.get_questionnaire(ctx, builder.detail.id)
    assert saved.data.name == "Fair follow-up"
    assert [(q.kind, q.text) for q in saved.data.questions] == [
        ("rating", "How useful was the fair?"), ("multiple_choice", "Which fair halls did you visit?")]
    assert [c.label for c in saved.data.questions[1].choices] == ["Hall A", "Hall B", "Hall C"]
    assert view.current_id() == saved.id


def test_refused_questionnaire_keeps_the_typing_and_marks_the_question(qtbot, view):
    view.new_questionnaire()
    builder = view.builder
    builder.name.setText("Half done")
    builder.add_question()
    builder.kind.setCurrentIndex(builder.kind.findData("single_choice"))  # no choices, no text
    assert not builder.save()
    assert "Question 1" in builder.errors.text() and builder.dirty
    assert builder.name.text() == "Half done" and len(builder.drafts) == 1
    assert builder.list_model.item(0).foreground().color().name() == "#c0392b"


def test_changing_an_answered_questionnaire_makes_a_new_revision(qtbot, view, modal_guard):
    ctx = view.controller.ctx
    row = next(r for r in surveys.list_questionnaires(ctx) if r.name == "Annual phone campaign")
    view._go_to(row.id)
    builder = view.builder
    builder.question_list.setCurrentIndex(builder.list_model.index(7, 0))
    builder.text.setPlainText("Anything else we should follow up on?")
    assert "makes revision 2" in builder.info.text()
    assert builder.save()
    assert builder.detail.revision == 2 and builder.detail.id != row.id
    old = surveys.get_questionnaire(ctx, row.id)
    assert old.superseded and old.answers == row.answers
    assert "revision 2" in view.window().statusBar().currentMessage()
    assert [r.revision for r in view.model.rows() if r.family_id == row.family_id] == [2]


def test_answer_on_behalf_with_a_prefilled_follow_up(qtbot, view):
    ctx = view.controller.ctx
    member = members.member_page(ctx, members.MemberFilter(text="Limfjord Membran"))[0]
    outcomes, _ = surveys.install_template(ctx, "innovation-express-outcomes")
    answers.save_answer_set(ctx, answers.AnswerSetInput(
        outcomes.id, member.id, answered_on=date(2026, 6, 1),
        answers={"new_partners": AnswerValue(choices=("yes",)),
                 "contract_value": AnswerValue(number=Decimal("80000"))}))
    follow_up, _ = surveys.install_template(ctx, "long-term-follow-up")
    view._go_to(follow_up.id)
    view.tabs.setCurrentWidget(view.answers)

    def fill(dialog):
        assert focused() is dialog.member
        type_text(qtbot, "Limfjord")
        dialog.member._chosen("Limfjord Membran ApS")  # the completer's pick
        assert dialog.answer_area.prefill_hint.text().startswith("Filled in from 3 answers from 2 earlier")
        other = dialog.form.widget_for("markets").other
        qtbot.keyClicks(other, "Japan, Narnia")
        hint = dialog.answer_area.not_countries
        assert not hint.isHidden() and "“Narnia”" in hint.text() and "Japan" not in hint.text()
        other.clear()
        contract = dialog.form.widget_for("contract_value").edit
        assert contract.text() == "80000"
        contract.setText("a lot")
        press(qtbot, K.Key_S, CTRL)
        assert dialog.isVisible() and contract.property("invalid")  # refused, kept
        assert contract.text() == "a lot"
        contract.setText("120.000")
        press(qtbot, K.Key_Return, CTRL)
        assert not dialog.isVisible()
    steps = DialogSteps(fill)
    view.answers.view.setFocus()
    press(qtbot, K.Key_N, ALT)  # New answers…
    steps.check(qtbot)
    rows = answers.list_answer_sets(ctx, follow_up.id)
    assert [r.member_name for r in rows] == ["Limfjord Membran ApS"]
    saved = answers.get_answer_set(ctx, rows[0].id)
    assert saved.answers["contract_value"] == AnswerValue(number=Decimal(120000))
    assert saved.answers["new_partners"] == AnswerValue(choices=("yes",))
    assert saved.contact_id is not None and saved.answered_on == date(2026, 11, 27)
    assert view.answers.model.rowCount() == 1


def test_results_chart_and_raw_answers_to_excel(qtbot, view, tmp_path):
    from openpyxl import load_workbook

    ctx = view.controller.ctx
    row = next(r for r in surveys.list_questionnaires(ctx) if r.name == "Annual phone campaign")
    view._go_to(row.id)
    view.tabs.setCurrentWidget(view.results)
    results = view.results
    assert results.summary.text() == f"{row.answers} respondents"
    results.question_list.setCurrentRow(0)  # satisfaction, a rating
    assert "average" in results.figures.text()
    bars = results.chart.chart().series()[0].barSets()[0]
    assert sum(bars.at(i) for i in range(bars.count())) == results.current_result().answered
    results.scope.setCurrentIndex(results.scope.count() - 1)  # outside campaigns: none
    assert results.summary.text() == "0 respondents" and not results.export_button.isEnabled()
    results.scope.setCurrentIndex(1)  # the demo campaign
    target = tmp_path / "raw.xlsx"
    results.export_to(target)
    sheet = load_workbook(target)["Answers"]
    assert sheet.max_row - 1 == row.answers
    assert [c.value for c in sheet[1]][8] == "Q1 How satisfied are you with what the cluster did for you this past year?"
    assert all(isinstance(r[8], int) and 1 <= r[8] <= 5
               for r in sheet.iter_rows(min_row=2, values_only=True))


def test_templates_menu_copies_a_template(qtbot, view):
    before = view.model.rowCount()
    action = next(a for a in view.template_menu.actions() if a.text().startswith("Member survey"))
    action.trigger()
    assert view.model.rowCount() == before + 1
    assert view.builder.detail.data.name == "Member survey: international needs (2)"
    assert QApplication.focusWidget() is not None


def test_empty_answers_are_refused_and_answers_belong_to_a_campaign(qtbot, view):
    ctx = view.controller.ctx
    row = next(r for r in surveys.list_questionnaires(ctx) if r.name == "Annual phone campaign")
    (campaign,) = campaigns.list_campaigns(ctx)
    answered = {r.member_id for r in answers.list_answer_sets(ctx, row.id)}
    member = next(m for m in members.member_page(ctx, members.MemberFilter(status="active"))
                  if m.id not in answered)
    already = next(iter(answered))
    view._go_to(row.id)
    view.tabs.setCurrentWidget(view.answers)

    def fill(dialog):
        assert [dialog.campaign.itemText(i) for i in range(dialog.campaign.count())] == [
            "No campaign", campaign.name]
        dialog.member.set_member(member.id, member.name)
        press(qtbot, K.Key_Return, CTRL)  # nothing answered yet
        assert dialog.isVisible()
        assert "Nothing is answered yet" in dialog.errors.text()
        assert focused() is dialog.form.first_field()
        # Answers for the campaign, from a member who already answered in it: refused.
        dialog.campaign.setCurrentIndex(1)
        dialog.member.set_member(already, "someone who answered")
        dialog.form.widget_for("priorities").edit.setPlainText("Meet Dutch utilities")
        press(qtbot, K.Key_Return, CTRL)
        assert dialog.isVisible() and dialog.campaign.property("invalid")
        assert "already answered in “Annual member calls 2026”" in dialog.errors.text()
        dialog.member.set_member(member.id, member.name)
        press(qtbot, K.Key_Return, CTRL)
        assert not dialog.isVisible()
    steps = DialogSteps(fill)
    view.answers.view.setFocus()
    press(qtbot, K.Key_N, ALT)
    steps.check(qtbot)
    rows = answers.list_answer_sets(ctx, row.id)
    assert len(rows) == row.answers + 1
    saved = next(r for r in rows if r.member_id == member.id)
    assert saved.campaign_name == campaign.name and saved.answered == 1
    assert answers.get_answer_set(ctx, saved.id).campaign_id == campaign.id


def test_written_answers_show_who_said_it_and_repeat_counts(view):
    ctx = view.controller.ctx
    row = next(r for r in surveys.list_questionnaires(ctx) if r.name == "Annual phone campaign")
    view._go_to(row.id)
    view.tabs.setCurrentWidget(view.results)
    results = view.results
    number = next(r.number for r in results.results.questions if r.question.key == "priorities")
    results.question_list.setCurrentRow(number - 1)
    result = results.current_result()
    assert sum(g.count for g in result.texts) == result.answered == row.answers
    assert len(result.texts) < result.answered  # the same priority named by several members
    top = result.texts[0]
    assert top.count == max(g.count for g in result.texts) > 1
    shown = results.texts.toPlainText()
    assert f"{top.text} — {top.count}×" in shown
    assert f"{len(result.texts)} different answers from {result.answered} respondents" in shown
    assert top.respondents[0].describe() in shown
    rows = {r.member_name: r for r in answers.list_answer_sets(ctx, row.id)}
    first = rows[top.respondents[0].member]
    assert top.respondents[0].describe().startswith(f"{first.member_name} ({first.contact_name}, ")
