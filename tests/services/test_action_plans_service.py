"""Action plans, the strategy wheel and the Phase 3 evidence through the services: rows
refused by number, sub-activities done with who and when, the activities that carry a plan
out, Today, search and the erasure of a person named in a plan."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from clusterdesk.domain.money import Money
from clusterdesk.domain.strategy import WheelStep
from clusterdesk.services import action_plans, activities, strategy_wheel, sub_activities
from clusterdesk.services import today as today_service
from clusterdesk.services.action_plans import (
    ActionPlanFilter,
    ActionPlanInput,
    SubActivityInput,
    TargetInput,
)
from clusterdesk.services.errors import ConflictError, ValidationError
from clusterdesk.services.members import MemberInput, create_member
from clusterdesk.services.strategy_wheel import MilestoneInput
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def _plan(**fields) -> ActionPlanInput:
    base = dict(
        name="Action plan 2027: Germany", responsible="Jonas", starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31), purpose="A foothold with German utilities.",
        budget=Money.of("250000", "DKK"),
        targets=(TargetInput("Companies on the mission", D(12), "output", "companies"),
                 TargetInput("First orders within two years", D(4), "effect", "members")),
        sub_activities=(SubActivityInput("Book 40 B2B meetings in Hamburg", "JB", TODAY + timedelta(days=5)),
                        SubActivityInput("Invite all members by 1 March", "MK", TODAY - timedelta(days=2))))
    base.update(fields)
    return ActionPlanInput(**base)


def test_vague_sub_activities_and_targets_without_numbers_are_refused_by_row(ctx):
    with pytest.raises(ValidationError) as refused:
        action_plans.create_action_plan(ctx, _plan(
            name="", ends_on=date(2026, 1, 1), budget=Money.of("-5", "DKK"),
            targets=(TargetInput("Companies", D(12)), TargetInput("Orders", None), TargetInput("", D(1))),
            sub_activities=(SubActivityInput("Book 40 meetings"), SubActivityInput("Talk to partners"),
                            SubActivityInput(""))))
    errors = refused.value.errors
    assert set(errors) == {"name", "ends_on", "budget", "targets", "sub_activities"}
    assert errors["targets"].startswith("row 2: give the number") and "row 3: say what is counted" in errors["targets"]
    assert "row 1" not in errors["sub_activities"]
    assert "row 2: Say how much" in errors["sub_activities"] and "row 3: Describe" in errors["sub_activities"]


def test_a_plan_with_its_rows_and_done_marks_with_who_and_when(ctx):
    member = create_member(ctx, MemberInput(name="Limfjord Membran ApS"))[0]
    detail, changes = action_plans.create_action_plan(ctx, _plan(
        member_ids=(member.id, member.id), institutions="DTU Environment"))
    assert changes.touches("action_plans", "sub_activities", "action_plan_targets", "action_plan_participants")
    assert [m.name for m in detail.members] == ["Limfjord Membran ApS"]
    assert [t.target for t in detail.data.targets] == [D(12), D(4)]
    assert detail.progress.total == 2 and detail.progress.done == 0
    first, second = detail.data.sub_activities
    # Tick the second, reword the first, add a third, drop a target.
    data = _plan(version=detail.data.version, member_ids=(),
                 targets=(detail.data.targets[0],),
                 sub_activities=(SubActivityInput("Book 45 B2B meetings in Hamburg", "JB", first.due_on, id=first.id),
                                 SubActivityInput(second.text, second.owner, second.due_on, True, id=second.id),
                                 SubActivityInput("Send 2 member cases to the newsletter", "SH")))
    updated, _ = action_plans.update_action_plan(ctx, detail.id, data)
    subs = updated.sub_activities
    assert [s.text for s in subs] == ["Book 45 B2B meetings in Hamburg", "Invite all members by 1 March",
                                      "Send 2 member cases to the newsletter"]
    assert subs[0].id == first.id and subs[1].done_by == "Tester (TT)" and subs[1].done_at == FIXED_NOW
    assert len(updated.data.targets) == 1 and updated.members == ()
    # Untick clears who and when; a stale save is refused.
    again = _plan(version=updated.data.version, sub_activities=tuple(
        SubActivityInput(s.text, s.owner, s.due_on, False, id=s.id) for s in subs))
    after, _ = action_plans.update_action_plan(ctx, detail.id, again)
    assert all(s.done_at is None and s.done_by == "" for s in after.sub_activities)
    with pytest.raises(ConflictError):
        action_plans.update_action_plan(ctx, detail.id, again)


def test_the_list_shows_progress_and_what_is_overdue(ctx):
    detail = action_plans.create_action_plan(ctx, _plan())[0]
    row = action_plans.list_action_plans(ctx)[0]
    assert (row.id, row.progress.total, row.overdue, row.next_due, row.targets) == \
        (detail.id, 2, 1, TODAY - timedelta(days=2), 2)
    assert row.budget == Money.of("250000", "DKK")
    assert action_plans.list_action_plans(ctx, ActionPlanFilter(text="germany"))[0].id == detail.id
    assert action_plans.list_action_plans(ctx, ActionPlanFilter(text="japan")) == []
    action_plans.delete_action_plan(ctx, detail.id)
    assert action_plans.list_action_plans(ctx) == []
    assert action_plans.list_action_plans(ctx, ActionPlanFilter(deleted=True))[0].id == detail.id
    action_plans.restore_action_plan(ctx, detail.id)
    assert len(action_plans.list_action_plans(ctx)) == 1


def test_sub_activities_due_are_on_today_and_ticked_there(ctx):
    detail = action_plans.create_action_plan(ctx, _plan())[0]
    items = [i for i in today_service.agenda(ctx) if i.kind == "sub-activity"]
    assert [i.title for i in items] == ["Invite all members by 1 March", "Book 40 B2B meetings in Hamburg"]
    assert items[0].detail == "Action plan 2027: Germany" and items[0].owner == "MK"
    today_service.complete_item(ctx, items[0])
    done = action_plans.get_action_plan(ctx, detail.id).sub_activities[1]
    assert done.done and done.done_by == "Tester (TT)"
    assert sub_activities.plan_of_sub_activity(ctx, done.id) == detail.id
    assert len([i for i in today_service.agenda(ctx) if i.kind == "sub-activity"]) == 1


def test_activities_carry_out_a_plan_and_add_up_its_budgets(ctx):
    plan = action_plans.create_action_plan(ctx, _plan())[0]
    for name, budget in (("Mission to Hamburg", Money.of("185000", "DKK")),
                         ("Matchmaking at IFAT", Money.of("12000", "EUR")),
                         ("Follow-up webinar", Money.of("15000", "DKK"))):
        activities.create_activity(ctx, activities.ActivityInput(
            name=name, starts_on=date(2027, 3, 1), budget=budget, action_plan_id=plan.id))
    detail = action_plans.get_action_plan(ctx, plan.id)
    assert [a.name for a in detail.activities] == ["Mission to Hamburg", "Matchmaking at IFAT", "Follow-up webinar"]
    assert detail.activity_budgets() == [Money.of("200000", "DKK"), Money.of("12000", "EUR")]
    assert action_plans.list_action_plans(ctx)[0].activities == 3
    gone = uuid.uuid4()
    with pytest.raises(ValidationError) as refused:
        activities.create_activity(ctx, activities.ActivityInput(name="X", starts_on=TODAY, action_plan_id=gone))
    assert "action_plan_id" in refused.value.errors


def test_the_wheel_goes_round_with_who_and_when(ctx):
    rows, changes = strategy_wheel.start_wheel(ctx, 2027)
    assert changes.touches("strategy_milestones")
    assert [r.step for r in rows] == [s.value for s in WheelStep]
    again, _ = strategy_wheel.start_wheel(ctx, 2027)  # nothing doubled
    assert [r.id for r in again] == [r.id for r in rows]
    with pytest.raises(ValidationError):
        strategy_wheel.start_wheel(ctx, 1492)
    survey = rows[0]
    moved, _ = strategy_wheel.update_milestone(ctx, survey.id, MilestoneInput(TODAY + timedelta(days=3),
                                                                                "To all members", survey.version))
    assert moved.due_on == TODAY + timedelta(days=3) and moved.note == "To all members"
    with pytest.raises(ValidationError):
        strategy_wheel.update_milestone(ctx, survey.id, MilestoneInput(None))
    items = [i for i in today_service.agenda(ctx) if i.kind == "milestone"]
    assert [i.title for i in items] == ["Strategy wheel: Member survey"]
    today_service.complete_item(ctx, items[0])
    ticked = strategy_wheel.wheel(ctx, 2027)[0]
    assert ticked.done and ticked.done_by == "Tester (TT)"
    assert strategy_wheel.process_evidence(ctx).startswith("Strategy wheel 2027: 1 of 5 milestones done")
    strategy_wheel.tick_milestone(ctx, ticked.id, False)
    assert not strategy_wheel.wheel(ctx, 2027)[0].done
    assert strategy_wheel.wheel_years(ctx) == [2027]


def test_the_demo_answers_the_phase_three_questions(demo_ctx):
    phase = next(o for o in today_service.phase_overview(demo_ctx) if o.phase.number == 3)
    evidence = [q.evidence for q in phase.questions]
    assert all(evidence), evidence
    assert evidence[0].startswith(f"Strategy wheel {TODAY.year}: 2 of 5 milestones done")
    assert "approved on 12 Mar 2025" in evidence[2] and "1 draft under way" in evidence[2]
    assert evidence[4].startswith("2 action plans, 2 with numbered targets")
    assert evidence[5] == "6 KPIs: 4 on track, 1 at risk, 1 off track; 1 review overdue."


def test_the_demo_plans_are_carried_out_by_missions(demo_ctx):
    rows = {r.name: r for r in action_plans.list_action_plans(demo_ctx)}
    germany = rows[f"Action plan {TODAY.year}: Germany and the Netherlands"]
    detail = action_plans.get_action_plan(demo_ctx, germany.id)
    assert [a.name for a in detail.activities] == ["Study trip to the Netherlands – delta technology",
                                                   "Company mission to Hamburg – smart water networks"]
    assert all(s.done_by for s in detail.sub_activities if s.done)
    # The mission's budget in Finance (Phase 2) comes with the plan, with its gap.
    from clusterdesk.services.budgets import list_budgets

    finance = next(b for b in list_budgets(demo_ctx) if b.name == "Company mission to Hamburg")
    assert [(b.name, b.costs, b.gap) for b in detail.budgets] == [
        (finance.name, finance.figures.costs, finance.figures.gap)]


def test_search_finds_versions_kpis_and_plans(demo_ctx):
    from clusterdesk.services.search import search_everything

    hits = search_everything(demo_ctx, "germany")
    kinds = {h.kind for h in hits}
    assert {"strategy", "action_plan"} <= kinds
    assert all(h.tab == "strategy" for h in hits if h.kind in ("strategy", "kpi", "action_plan"))
    assert any(h.kind == "kpi" and h.title == "Market analyses made"
               for h in search_everything(demo_ctx, "market analyses"))


def test_erasing_a_person_reaches_the_texts_of_action_plans(ctx):
    from clusterdesk.services import contacts, privacy

    member = create_member(ctx, MemberInput(name="Gudenå Sensor ApS"))[0]
    person = contacts.create_contact(ctx, member.id, contacts.ContactInput(name="Birgitte Søndergaard",
                                                                           email="bs@gudenaa.example"))[0]
    plan = action_plans.create_action_plan(ctx, _plan(
        institutions="Aarhus University (contact: Birgitte Søndergaard)",
        sub_activities=(SubActivityInput("Call Birgitte Søndergaard about 2 test sites", "MK"),)))[0]
    privacy.erase_contact(ctx, person.id, "request")
    after = action_plans.get_action_plan(ctx, plan.id)
    assert "Søndergaard" not in after.data.institutions and "[erased]" in after.data.institutions
    assert after.sub_activities[0].text == "Call [erased] about 2 test sites"
