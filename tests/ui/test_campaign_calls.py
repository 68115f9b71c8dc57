"""A phone campaign run by keyboard alone, from creating it to the fifth call, then checked
in the database: answers, outcomes, logged calls, the call-back task on Today, the member
profile — and pause/resume, and a refused answer that keeps what was typed."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import select

from clusterdesk.domain.questionnaires import AnswerValue
from clusterdesk.services import answers, calls, campaigns, members, today
from clusterdesk.store.models import Interaction, MemberMarket
from tests.conftest import FIXED_NOW
from tests.ui.keys import ALT, CTRL, DialogSteps, focused, press, type_text

K = Qt.Key
TODAY = FIXED_NOW.date()
HORSENS = ["Grøn Måleteknik I/S", "Havbrug Dosering I/S", "Havbrug Spildevand A/S",
           "Jysk Vandteknik Consult ApS", "Skagerrak Consult A/S"]


def set_up_campaign_by_keyboard(qtbot, window):
    press(qtbot, K.Key_2, CTRL)  # the Members tab
    press(qtbot, K.Key_2, ALT)  # its Campaigns section
    view = window.current_page().current_view()
    assert focused() is view.view
    press(qtbot, K.Key_N, CTRL)
    assert focused() is view.editor.name
    type_text(qtbot, "Horsens calls")
    press(qtbot, K.Key_Q, ALT)
    type_text(qtbot, "A")  # the first questionnaire starting with A: Annual phone campaign
    assert view.editor.questionnaire.currentText().startswith("Annual phone campaign")
    press(qtbot, K.Key_S, CTRL)
    assert not view.editor.dirty and view.editor.detail is not None

    def choose_horsens(dialog):
        press(qtbot, K.Key_C, ALT)  # City
        type_text(qtbot, "Horsens")
        press(qtbot, K.Key_A, ALT)  # Add
    steps = DialogSteps(choose_horsens)
    press(qtbot, K.Key_A, ALT)  # Add members…
    steps.check(qtbot)
    assert [r.member_name for r in view.targets.model.rows()] == HORSENS

    press(qtbot, K.Key_B, ALT)  # the member list
    press(qtbot, K.Key_A, CTRL)  # all of them

    def give_to_me(dialog):
        assert dialog.person.currentText() == "Tina Tester (TT)"
        press(qtbot, K.Key_G, ALT)  # Give the 5 selected to …
    steps = DialogSteps(give_to_me)
    press(qtbot, K.Key_C, ALT)  # Who calls…
    steps.check(qtbot)
    assert {r.assigned_to for r in view.targets.model.rows()} == {"Tina Tester (TT)"}
    return view


def test_phone_campaign_over_five_members_by_keyboard_alone(qtbot, demo_window):
    window = demo_window
    ctx = window.controller.ctx
    view = set_up_campaign_by_keyboard(qtbot, window)
    campaign_id = view.editor.detail.id
    ids = {r.member_name: r.member_id for r in view.targets.model.rows()}
    screen = view.call_screen

    press(qtbot, K.Key_R, ALT)  # Start calling
    assert view.calling() and screen.progress.text() == "0 of 5 called"

    # 1. Grøn Måleteknik answers nearly everything; its orientation is confirmed.
    assert screen.card.member_name == HORSENS[0]
    assert focused() in [b for _k, b in screen.form.questions[0].buttons]
    press(qtbot, K.Key_4)  # satisfaction 4
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_3)  # concrete plans: "defined"
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_1)  # Germany
    press(qtbot, K.Key_5)  # Poland
    press(qtbot, K.Key_Tab)  # one Tab leaves the check boxes, to "Other"
    type_text(qtbot, "Japan")
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_1)  # help: finding partners abroad
    press(qtbot, K.Key_Tab, times=2)
    press(qtbot, K.Key_1)  # would join a trip: yes
    press(qtbot, K.Key_Tab)
    type_text(qtbot, "25")
    press(qtbot, K.Key_Tab)
    type_text(qtbot, "Find a distributor in Germany")
    assert screen.outcome() == "done"  # answering picks "done"
    assert not screen.answer_area.update_orientation.isHidden()
    press(qtbot, K.Key_O, ALT)  # yes, update the orientation
    press(qtbot, K.Key_T, ALT)
    type_text(qtbot, "Spoke with the CEO")
    press(qtbot, K.Key_Return, CTRL)

    # 2. No answer.
    assert screen.card.member_name == HORSENS[1] and screen.progress.text() == "1 of 5 called"
    press(qtbot, K.Key_N, ALT)
    press(qtbot, K.Key_Return, CTRL)

    # 3. Call back in three days.
    assert screen.card.member_name == HORSENS[2]
    press(qtbot, K.Key_B, ALT)
    assert focused() is screen.call_back_on
    type_text(qtbot, "+3")
    press(qtbot, K.Key_Return, CTRL)

    # 4. Declined.
    assert screen.card.member_name == HORSENS[3]
    press(qtbot, K.Key_L, ALT)
    press(qtbot, K.Key_Return, CTRL)

    # 5. A number that is not a number is refused at the question, and kept.
    assert screen.card.member_name == HORSENS[4]
    press(qtbot, K.Key_5)
    press(qtbot, K.Key_Tab, times=7)  # to the number question
    type_text(qtbot, "twelve")
    press(qtbot, K.Key_Return, CTRL)
    number = screen.form.widget_for("employees").edit
    assert screen.card.member_name == HORSENS[4] and number.text() == "twelve"
    assert number.property("invalid") and focused() is number
    assert "Question 6" in screen.errors.text()
    assert calls.queue_state(ctx, campaign_id).progress.finished == 2  # nothing saved
    number.selectAll()
    type_text(qtbot, "12")
    press(qtbot, K.Key_Return, CTRL)

    # The one who did not answer is waiting again; pause and resume keep what was typed.
    assert screen.card.member_name == HORSENS[1]
    assert screen.progress.text() == "3 of 5 called"
    press(qtbot, K.Key_2)  # satisfaction 2, then pause
    press(qtbot, K.Key_Escape)
    assert not view.calling() and focused() is view.view
    press(qtbot, K.Key_R, ALT)
    assert screen.card.member_name == HORSENS[1]
    assert screen.form.values() == {"satisfaction": AnswerValue(number=Decimal(2))}
    press(qtbot, K.Key_Escape)

    # --- the database ---
    rows = {r.member_name: r for r in campaigns.campaign_targets(ctx, campaign_id)}
    assert {name: rows[name].status for name in HORSENS} == {
        HORSENS[0]: "done", HORSENS[1]: "no_answer", HORSENS[2]: "call_back",
        HORSENS[3]: "declined", HORSENS[4]: "done"}
    assert rows[HORSENS[2]].call_back_on == TODAY + timedelta(days=3)
    assert rows[HORSENS[1]].has_draft
    first = answers.list_answer_sets(ctx, view.editor.detail.data.questionnaire_id, campaign_id)
    assert sorted(r.member_name for r in first) == [HORSENS[0], HORSENS[4]]
    given = answers.get_answer_set(ctx, next(r.id for r in first if r.member_name == HORSENS[0]))
    assert given.answered_by == "Tina Tester (TT)" and given.contact_id is not None
    assert given.answers == {
        "satisfaction": AnswerValue(number=Decimal(4)),
        "intl_status": AnswerValue(choices=("defined",)),
        "markets": AnswerValue(choices=("DE", "PL"), other="Japan"),
        "help_wanted": AnswerValue(choices=("finding_partners_abroad",)),
        "trip_interest": AnswerValue(choices=("yes",)),
        "employees": AnswerValue(number=Decimal(25)),
        "priorities": AnswerValue(text="Find a distributor in Germany")}
    fifth = answers.get_answer_set(ctx, next(r.id for r in first if r.member_name == HORSENS[4]))
    assert fifth.answers == {"satisfaction": AnswerValue(number=Decimal(5)),
                             "employees": AnswerValue(number=Decimal(12))}
    assert members.get_member(ctx, ids[HORSENS[0]]).data.international_orientation == "defined"
    with ctx.uow() as uow:
        logged = list(uow.session.scalars(select(Interaction).where(
            Interaction.campaign_id == campaign_id).order_by(Interaction.created_at)))
        assert [(i.member_id, i.kind, i.staff) for i in logged] == [
            (ids[name], "phone_call", "Tina Tester (TT)") for name in HORSENS]
        assert logged[0].summary.endswith("Spoke with the CEO")
        assert logged[0].needs == "Finding partners abroad\nFind a distributor in Germany"
        assert [i.follow_up_on for i in logged] == [None, None, TODAY + timedelta(days=3), None, None]
        markets = {m.country for m in uow.session.scalars(select(MemberMarket).where(
            MemberMarket.member_id == ids[HORSENS[0]], MemberMarket.source == "campaign"))}
        assert {"DE", "JP", "PL"} <= markets  # (the demo's own campaign may have named others)
    task = [i for i in today.agenda(ctx) if i.member_id == ids[HORSENS[2]] and "Horsens" in i.title]
    assert [(t.due, t.owner, t.title) for t in task] == [
        (TODAY + timedelta(days=3), "Tina Tester (TT)", f"{HORSENS[2]}: Call back (Horsens calls)")]
    today_page = window.show_tab("today")
    assert any(item.record_id == task[0].record_id for item in today_page.items)


def test_call_screen_scopes_call_backs_first_and_copying_a_number(qtbot, demo_window):
    from PySide6.QtGui import QGuiApplication

    ctx = demo_window.controller.ctx
    view = demo_window.show_tab("members").show_section("Campaigns")
    view.view.setFocus()
    press(qtbot, K.Key_R, ALT)  # Start calling: Tina has no members in the demo campaign
    screen = view.call_screen
    assert screen.card is None and "Nobody is waiting" in screen.empty.text()
    assert "My members" in screen.empty.text()
    screen.scope.setCurrentIndex(screen.scope.findData("everyone"))
    card = screen.card
    assert card is not None and card.status == "call_back" and card.call_back_on <= TODAY
    due = sorted(r.call_back_on for r in campaigns.campaign_targets(ctx, card.campaign_id)
                 if r.status == "call_back" and r.call_back_on <= TODAY)
    assert card.call_back_on == due[0]  # the oldest call-back first
    assert screen.progress.text().endswith("called") and screen.progress.value() > 0
    press(qtbot, K.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    chosen = next(c for c in card.contacts if c.id == screen.member_card.contact_id())
    assert QGuiApplication.clipboard().text() == chosen.phone_e164
    assert chosen.phone.startswith("+45 ")  # shown the way it is read out


def test_the_same_words_and_numbers_in_the_list_the_campaign_and_the_call_screen(qtbot, demo_window):
    from clusterdesk.ui.common.table_model import ROW_ROLE

    view = demo_window.show_tab("members").show_section("Campaigns")
    (row,) = [view.model.index(0, 0).data(ROW_ROLE)]
    progress = view.model.index(0, 3).data()
    assert view.model.headerData(3, Qt.Orientation.Horizontal) == "Progress"
    assert progress == f"{row.progress.finished} of {row.progress.total} called"
    assert view.targets.progress.text() == progress  # the campaign's progress bar
    assert view.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == view.targets.breakdown.text()
    assert view.model.index(0, 2).data() == "18 Nov 2026"  # the date as everywhere else
    view.start_calling()
    screen = view.call_screen
    assert screen.progress.text() == progress
    # The member's orientation is said in words, never as "None".
    assert "None" not in screen.member_card.facts.text().split(" · ")
    none_member = next(t for t in campaigns.campaign_targets(view.controller.ctx, row.id)
                       if t.orientation == "none" and t.status == "open")
    view.call_screen.open(row.id, none_member.id)
    assert "No international need yet" in screen.member_card.facts.text().split(" · ")
