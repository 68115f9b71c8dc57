"""Evaluation of activities: the plan (a built-in questionnaire copied in on saving), who has
answered, Today's evaluations and follow-ups due and ticking them off, the phase evidence,
and the measures the Strategy KPIs read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from clusterdesk.domain.money import Money
from clusterdesk.domain.questionnaires import AnswerValue
from clusterdesk.services import evaluations, outcomes, success_stories, surveys, today
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.outcomes import OutcomeRowInput, OutcomeText

from .evaluation_setup import NAMES, answer, make_trip, plan


def test_the_default_plan_copies_the_built_in_questionnaires_in_once(ctx):
    trip = make_trip(ctx)
    default = evaluations.get_evaluation(ctx, trip.id).plan
    assert default.questionnaire == "template:activity-evaluation"
    assert default.follow_up == "template:long-term-follow-up" and default.version == 0
    detail = plan(ctx, trip, months=9)
    assert detail.questionnaire_name == "Evaluation after an international activity"
    assert detail.follow_up_name.startswith("Long-term follow-up") and detail.plan.follow_up_months == 9
    assert detail.state.follow_up_due == date(2027, 8, 7)  # nine months after the last day
    # A second activity's default now points at the copies; nothing is copied twice.
    other = make_trip(ctx, name="Matchmaking in Kiel")
    assert evaluations.get_evaluation(ctx, other.id).plan.questionnaire == f"id:{detail.questionnaire_id}"
    plan(ctx, other)
    names = [q.name for q in surveys.list_questionnaires(ctx)]
    assert names.count("Evaluation after an international activity") == 1


def test_a_plan_is_refused_field_by_field(ctx):
    trip = make_trip(ctx)
    with pytest.raises(ValidationError) as refused:
        evaluations.save_plan(ctx, trip.id, evaluations.PlanInput("template:activity-evaluation",
                                                                  "template:activity-evaluation", 7))
    assert set(refused.value.errors) == {"follow_up_months", "follow_up"}
    detail = plan(ctx, trip)
    same_family = evaluations.PlanInput(f"id:{detail.questionnaire_id}", f"id:{detail.questionnaire_id}",
                                        6, version=detail.plan.version)
    with pytest.raises(ValidationError, match="own for the follow-up"):
        evaluations.save_plan(ctx, trip.id, same_family)
    colleague = replace(ctx, actor="Jonas Bech (JB)")
    evaluations.save_plan(colleague, trip.id, replace(detail.plan, follow_up_months=12))
    with pytest.raises(ConflictError):
        evaluations.save_plan(ctx, trip.id, replace(detail.plan, follow_up_months=9))


def test_who_has_answered_right_after_and_at_the_follow_up(ctx):
    trip = make_trip(ctx)
    detail = plan(ctx, trip)
    answer(ctx, detail, trip, NAMES[0])
    answer(ctx, detail, trip, NAMES[1])
    answer(ctx, detail, trip, NAMES[2], questionnaire=detail.follow_up_id,
           values={"still_in_contact": AnswerValue(choices=("yes",))})
    detail = evaluations.get_evaluation(ctx, trip.id)
    state = detail.state
    assert (state.counted, state.answered, state.followed_up) == (3, 2, 1)  # the no-show is not waited for
    by_name = {p.member_name: p for p in detail.participants}
    assert by_name[NAMES[0]].evaluation_on == trip.last_day + timedelta(days=3)
    assert by_name[NAMES[2]].evaluation_id is None and by_name[NAMES[2]].follow_up_id is not None
    assert not by_name[NAMES[3]].counted and not state.evaluation_closed
    answer(ctx, detail, trip, NAMES[2])
    assert evaluations.get_evaluation(ctx, trip.id).state.evaluation_closed  # everyone answered


def test_today_lists_evaluations_and_follow_ups_and_ticks_them_off(ctx):
    trip = make_trip(ctx, ended_days_ago=20)
    mission = make_trip(ctx, ended_days_ago=175, name="Mission to Malmö")  # follow-up due in a week
    plan(ctx, trip)
    plan(ctx, mission)
    items = {(i.kind, i.activity_id): i for i in today.agenda(ctx)}
    evaluation = items[("evaluation", trip.id)]
    assert evaluation.due == trip.last_day + timedelta(days=7) and evaluation.is_overdue(ctx.today())
    assert evaluation.title == "Evaluate: Study trip to Delft" and "0 of 3 participants" in evaluation.detail
    follow_up = items[("long-term-follow-up", mission.id)]
    assert follow_up.due == date(2026, 12, 5) and "6 months after" in follow_up.detail
    assert ("long-term-follow-up", trip.id) not in items  # not due within 30 days
    assert today.can_complete(evaluation)
    changes = today.complete_item(ctx, evaluation)
    assert changes.touches("activity_evaluations")
    after = {(i.kind, i.activity_id) for i in today.agenda(ctx)}
    assert ("evaluation", trip.id) not in after and ("long-term-follow-up", mission.id) in after
    state = evaluations.get_evaluation(ctx, trip.id).state
    assert state.evaluation_done_by == "Tester (TT)" and state.evaluation_closed
    evaluations.set_closed(ctx, trip.id, "evaluation", False)  # reopened
    assert ("evaluation", trip.id) in {(i.kind, i.activity_id) for i in today.agenda(ctx)}


def test_old_and_cancelled_activities_do_not_nag(ctx):
    old = make_trip(ctx, ended_days_ago=800, name="Fair in 2024")
    cancelled = make_trip(ctx, ended_days_ago=10, name="Cancelled trip")
    from clusterdesk.services import activities

    data = activities.get_activity(ctx, cancelled.id).data
    activities.update_activity(ctx, cancelled.id, replace(data, status="cancelled"))
    kinds = {i.activity_id for i in today.agenda(ctx)}
    assert old.id not in kinds and cancelled.id not in kinds
    rows = {r.activity_id for r in evaluations.list_evaluations(ctx)}
    assert old.id in rows and cancelled.id not in rows


def test_the_phase_four_evidence(ctx):
    assert evaluations.measuring_evidence(ctx) is None
    assert evaluations.communication_evidence(ctx) is None
    trip = make_trip(ctx)
    answer(ctx, plan(ctx, trip), trip, NAMES[0])
    text = evaluations.measuring_evidence(ctx)
    assert text.startswith("1 of 1 activity in the last 12 months evaluated (1 participant answered)")
    assert "1 evaluation and 0 long-term follow-ups open" in text
    success_stories.create_story(ctx, success_stories.StoryInput(
        "Membranes for Delft", trip.members[NAMES[0]], "published", text="It worked."))
    success_stories.create_story(ctx, success_stories.StoryInput("A draft", status="draft"))
    assert evaluations.communication_evidence(ctx) == (
        "1 success story published in the last 12 months; in the making: 1 draft.")
    overview = {p.phase.number: p for p in today.phase_overview(ctx)}
    assert overview[4].questions[2].evidence == evaluations.measuring_evidence(ctx)
    assert overview[4].questions[3].evidence.startswith("1 success story published")


def test_measures_for_the_kpis(ctx):
    trip = make_trip(ctx)
    detail = plan(ctx, trip)
    rows = [OutcomeText(NAMES[0], "Contract", "", "Delfland", "NL", "850.000", "DKK", "12-10-2026"),
            OutcomeText(NAMES[0], "Order", "", "Evides", "NL", "0,10", "EUR", "13-10-2026"),
            OutcomeText(NAMES[1], "Order", "", "Evides", "NL", "0,20", "EUR", "14-10-2026"),
            OutcomeText(NAMES[1], "Contract", "", "Old deal", "NL", "99", "DKK", "12-10-2025"),
            OutcomeText(NAMES[1], "New partner", "", "TU Delft", "NL")]
    outcomes.save_outcomes(ctx, trip.id, [OutcomeRowInput(r) for r in rows])
    assert evaluations.measure_contract_value(ctx, 2026) == Decimal("850000.00")
    assert evaluations.measure_contract_value(ctx, 2026, "eur") == Decimal("0.30")
    assert evaluations.contract_values(ctx, 2026) == (Money.of("850000", "DKK"), Money.of("0.30", "EUR"))
    assert evaluations.measure_contract_value(ctx, 2025) == Decimal("99.00")
    assert evaluations.measure_new_partners(ctx, 2026) == 1  # the outcome (dated by the trip)
    outcome_questions = surveys.install_template(ctx, "innovation-express-outcomes")[0]
    for name, said in ((NAMES[1], "yes"), (NAMES[2], "yes"), (NAMES[0], "no")):
        answer(ctx, detail, trip, name, questionnaire=outcome_questions.id,
               values={"new_partners": AnswerValue(choices=(said,))})
    assert evaluations.measure_new_partners(ctx, 2026) == 2  # Gudenå counted once
    assert evaluations.measure_new_partners(ctx, 2025) == 0


def test_cli_names_the_activities_that_ended(ctx):
    trip = make_trip(ctx)
    make_trip(ctx, ended_days_ago=-30, name="Trip next month")
    named = evaluations.named_evaluations(ctx)
    assert [r.name for r in named] == ["Study trip to Delft"] and named[0].id == trip.id
    assert "0 of 3 answered" in named[0].detail
