"""Campaigns on a real workspace file: choosing members with the member filters, sharing
the calls, the call queue, and recording calls with their answers, logged interactions and
call-back tasks on Today."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from clusterdesk.domain.questionnaires import AnswerValue
from clusterdesk.services import answers, call_card, calls, campaigns, members, surveys, today
from clusterdesk.services.campaigns import CampaignInput, TargetSelection
from clusterdesk.services.context import ServiceContext
from clusterdesk.services.errors import ConflictError, ServiceError, ValidationError
from clusterdesk.store.models import Interaction
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()
ME = "Tester (TT)"


@pytest.fixture
def setup(ctx):
    """Five members, a phone campaign on the phone-campaign template, all assigned to me."""
    specs = [("Aqua Filter ApS", "Aalborg", "latent", ("Wastewater",)),
             ("Blå Pumper A/S", "Esbjerg", "active", ("Drinking water",)),
             ("Gudenå Sensor ApS", "Silkeborg", "latent", ("Digital water",)),
             ("Klar Miljø ApS", "Aalborg", "none", ("Wastewater",)),
             ("Nord Ventiler A/S", "Vejle", "defined", ("Wastewater",))]
    ids = {}
    for name, city, orientation, sectors in specs:
        detail, _ = members.create_member(ctx, members.MemberInput(
            name=name, city=city, international_orientation=orientation, sectors=sectors))
        ids[name] = detail.id
    questionnaire, _ = surveys.install_template(ctx, "phone-campaign")
    campaign, _ = campaigns.create_campaign(ctx, CampaignInput(
        "Member calls 2026", questionnaire_id=questionnaire.id, starts_on=TODAY,
        ends_on=TODAY + timedelta(days=14)))
    campaigns.add_targets(ctx, campaign.id, list(ids.values()))
    campaigns.assign_round_robin(ctx, campaign.id, [ME])
    return campaign, ids, questionnaire


def targets_by_name(ctx, campaign_id):
    return {t.member_name: t for t in campaigns.campaign_targets(ctx, campaign_id)}


def test_campaign_needs_a_name_and_a_sane_period(ctx):
    with pytest.raises(ValidationError) as err:
        campaigns.create_campaign(ctx, CampaignInput(" ", kind="fax", starts_on=TODAY,
                                                     ends_on=TODAY - timedelta(days=1)))
    assert set(err.value.errors) == {"name", "kind", "ends_on"}


def test_members_are_chosen_with_the_member_filters(setup, ctx):
    campaign, ids, _ = setup
    chosen = campaigns.matching_members(ctx, TargetSelection(tag="Wastewater", city="aalborg"))
    assert chosen.count == 2
    assert [r.name for r in chosen.rows] == ["Aqua Filter ApS", "Klar Miljø ApS"]
    latent = campaigns.matching_members(ctx, TargetSelection(orientation="latent"), limit=1)
    assert latent.count == 2 and [r.name for r in latent.rows] == ["Aqua Filter ApS"]
    members.create_member(ctx, members.MemberInput(name="Aalborg Portland A/S", city="Vejle"))
    by_city = campaigns.matching_members(ctx, TargetSelection(city="Aalborg"))
    assert by_city.count == 2  # the city exactly, not a name that mentions it
    added, _ = campaigns.add_matching(ctx, campaign.id, TargetSelection(tag="Wastewater", city="aalborg"))
    assert added == 0  # already on the list
    assert campaigns.get_campaign(ctx, campaign.id).progress.total == 5


def test_round_robin_and_assignment(setup, ctx):
    campaign, ids, _ = setup
    rows = campaigns.campaign_targets(ctx, campaign.id)
    count, _ = campaigns.assign_round_robin(ctx, campaign.id, ["Mette Kjær (MK)", "Jonas Bech (JB)"],
                                            only_unassigned=False)
    assert count == 5
    who = [t.assigned_to for t in campaigns.campaign_targets(ctx, campaign.id)]
    assert who == ["Mette Kjær (MK)", "Jonas Bech (JB)"] * 2 + ["Mette Kjær (MK)"]
    campaigns.assign_targets(ctx, campaign.id, [rows[0].id], ME)
    assert campaigns.campaign_targets(ctx, campaign.id)[0].assigned_to == ME
    assert ME in campaigns.known_staff(ctx)
    with pytest.raises(ValidationError):
        campaigns.assign_round_robin(ctx, campaign.id, ["  "])


def test_a_full_round_of_calls(setup, ctx):
    campaign, ids, questionnaire = setup
    state = calls.queue_state(ctx, campaign.id)
    assert state.waiting == 5 and state.progress.headline() == "0 of 5 called"
    first = call_card.call_card(ctx, state.next_target_id)
    assert first.member_name == "Aqua Filter ApS" and first.questionnaire_name == "Annual phone campaign"
    assert [q.key for q in first.questions][:3] == ["satisfaction", "intl_status", "markets"]

    # 1: done, with answers; orientation confirmed.
    result, changes = calls.record_call(ctx, calls.CallInput(
        first.target_id, first.target_version, "done", answers={
            "satisfaction": AnswerValue(number=Decimal(4)),
            "intl_status": AnswerValue(choices=("defined",)),
            "markets": AnswerValue(choices=("DE", "PL")),
            "help_wanted": AnswerValue(choices=("finding_partners_abroad",)),
            "priorities": AnswerValue(text="A German distributor")},
        notes="Spoke with the CEO", update_orientation=True))
    assert changes.touches("interactions", "answer_sets", "campaign_targets", "member_markets")
    detail = answers.get_answer_set(ctx, result.answer_set_id)
    assert detail.campaign_id == campaign.id and detail.answered_by == ME
    assert detail.answers["markets"] == AnswerValue(choices=("DE", "PL"))
    member = members.get_member(ctx, ids["Aqua Filter ApS"]).data
    assert member.international_orientation == "defined"
    with ctx.uow() as uow:
        logged = uow.session.get(Interaction, result.interaction_id)
        assert (logged.kind, logged.staff, logged.campaign_id, logged.occurred_on) == \
            ("phone_call", ME, campaign.id, TODAY)
        assert logged.summary == ("Call in “Member calls 2026”: answered 5 questions.\n"
                                  "Spoke with the CEO")
        assert logged.needs == "Finding partners abroad\nA German distributor"

    # 2: call back next week → a task on Today.
    state = calls.queue_state(ctx, campaign.id)
    second = call_card.call_card(ctx, state.next_target_id)
    assert second.member_name == "Blå Pumper A/S"
    call_back_on = TODAY + timedelta(days=5)
    calls.record_call(ctx, calls.CallInput(second.target_id, second.target_version, "call_back",
                                           call_back_on=call_back_on,
                                           answers={"satisfaction": AnswerValue(number=Decimal(5))}))
    tasks = [i for i in today.agenda(ctx) if i.member_id == ids["Blå Pumper A/S"]]
    assert [(t.due, t.title, t.owner) for t in tasks] == [
        (call_back_on, "Blå Pumper A/S: Call back (Member calls 2026)", ME)]

    # 3: no answer; 4: declined; 5: done without a questionnaire answer.
    for outcome in ("no_answer", "declined", "done"):
        state = calls.queue_state(ctx, campaign.id)
        card = call_card.call_card(ctx, state.next_target_id)
        calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, outcome))
    rows = targets_by_name(ctx, campaign.id)
    assert {n: r.status for n, r in rows.items()} == {
        "Aqua Filter ApS": "done", "Blå Pumper A/S": "call_back", "Gudenå Sensor ApS": "no_answer",
        "Klar Miljø ApS": "declined", "Nord Ventiler A/S": "done"}
    state = calls.queue_state(ctx, campaign.id)
    assert state.progress.headline() == "3 of 5 called"
    assert state.waiting == 1 and state.later_call_backs == 1  # only the no-answer is left now
    assert call_card.call_card(ctx, state.next_target_id).member_name == "Gudenå Sensor ApS"

    # The call-back day comes: Blå Pumper is first; its partial answer waited on it.
    later = ServiceContext(ctx.workspace, ME, clock=lambda: FIXED_NOW + timedelta(days=5))
    state = calls.queue_state(later, campaign.id)
    card = call_card.call_card(later, state.next_target_id)
    assert card.member_name == "Blå Pumper A/S" and card.answers_from == "draft"
    assert card.answers == {"satisfaction": AnswerValue(number=Decimal(5))}
    calls.record_call(later, calls.CallInput(card.target_id, card.target_version, "done",
                                             answers=card.answers))
    assert [i for i in today.agenda(later) if i.member_id == ids["Blå Pumper A/S"]] == []
    with ctx.uow() as uow:
        closed = uow.session.scalars(select(Interaction).where(
            Interaction.member_id == ids["Blå Pumper A/S"], Interaction.follow_up_on.is_not(None))).one()
        assert closed.follow_up_done_by == ME


def test_call_back_needs_a_day_that_has_not_passed(setup, ctx):
    campaign, _ids, _q = setup
    card = call_card.call_card(ctx, calls.queue_state(ctx, campaign.id).next_target_id)
    for day, message in ((None, "which day"), (TODAY - timedelta(days=1), "passed")):
        with pytest.raises(ValidationError) as err:
            calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "call_back",
                                                   call_back_on=day))
        assert message in err.value.errors["call_back_on"]
    with pytest.raises(ValidationError, match="Choose how the call went"):
        calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "open"))
    with pytest.raises(ValidationError) as err:
        calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "done",
                                               answers={"satisfaction": AnswerValue(number=Decimal(9))}))
    assert "answer:satisfaction" in err.value.errors
    assert calls.queue_state(ctx, campaign.id).progress.finished == 0  # nothing was saved


def test_pause_and_resume_where_it_was(setup, ctx):
    campaign, ids, _q = setup
    targets = targets_by_name(ctx, campaign.id)
    paused = targets["Klar Miljø ApS"]
    calls.pause_call(ctx, paused.id, None, {"employees": AnswerValue(number=Decimal(14))}, "Ring after 2")
    state = calls.queue_state(ctx, campaign.id)
    assert state.next_target_id == paused.id  # resumes on the paused member first
    card = call_card.call_card(ctx, paused.id)
    assert card.answers == {"employees": AnswerValue(number=Decimal(14))} and card.notes == "Ring after 2"
    other = ServiceContext(ctx.workspace, "Jonas Bech (JB)", clock=ctx.clock)
    assert calls.queue_state(other, campaign.id, "everyone").next_target_id != paused.id
    calls.pause_call(ctx, paused.id, None, {}, "")
    assert calls.queue_state(ctx, campaign.id).next_target_id == targets["Aqua Filter ApS"].id


def test_two_callers_on_one_member_do_not_overwrite_each_other(setup, ctx):
    campaign, _ids, _q = setup
    card = call_card.call_card(ctx, calls.queue_state(ctx, campaign.id).next_target_id)
    calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "declined"))
    with pytest.raises(ConflictError, match="Aqua Filter ApS"):
        calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "done"))


def test_correcting_a_finished_call_logs_no_second_call(setup, ctx):
    campaign, ids, _q = setup
    card = call_card.call_card(ctx, calls.queue_state(ctx, campaign.id).next_target_id)
    first, _ = calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "done",
                                                      answers={"markets": AnswerValue(choices=("SE",))}))
    again = call_card.call_card(ctx, card.target_id)
    assert again.answers_from == "saved" and again.answers["markets"].choices == ("SE",)
    fixed, _ = calls.record_call(ctx, calls.CallInput(again.target_id, again.target_version, "done",
                                                      answers={"markets": AnswerValue(choices=("NO",))}))
    assert fixed.corrected and fixed.interaction_id is None and fixed.answer_set_id == first.answer_set_id
    with ctx.uow() as uow:
        count = len(list(uow.session.scalars(select(Interaction).where(
            Interaction.member_id == ids["Aqua Filter ApS"]))))
    assert count == 1
    assert members.get_member(ctx, ids["Aqua Filter ApS"]).data.markets == ()  # profile untouched


def test_visit_campaign_logs_visits(ctx, setup):
    _c, ids, _q = setup
    visits, _ = campaigns.create_campaign(ctx, CampaignInput("Visits 2026", kind="visit"))
    campaigns.add_targets(ctx, visits.id, [ids["Nord Ventiler A/S"]])
    card = call_card.call_card(ctx, calls.queue_state(ctx, visits.id, "everyone").next_target_id)
    assert card.questions == ()
    result, _ = calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "done",
                                                       notes="Saw the test hall"))
    with ctx.uow() as uow:
        assert uow.session.get(Interaction, result.interaction_id).kind == "visit"
    assert result.answer_set_id is None
    assert calls.queue_state(ctx, visits.id, "everyone").progress.headline(
        campaigns.CampaignKind.VISIT) == "1 of 1 visited"


def test_called_members_stay_on_the_list(setup, ctx):
    campaign, ids, _q = setup
    targets = targets_by_name(ctx, campaign.id)
    card = call_card.call_card(ctx, targets["Aqua Filter ApS"].id)
    calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "no_answer"))
    with pytest.raises(ServiceError, match="already called"):
        campaigns.remove_targets(ctx, campaign.id, [targets["Aqua Filter ApS"].id])
    campaigns.remove_targets(ctx, campaign.id, [targets["Klar Miljø ApS"].id])
    assert "Klar Miljø ApS" not in targets_by_name(ctx, campaign.id)
    campaigns.add_targets(ctx, campaign.id, [ids["Klar Miljø ApS"]])
    assert "Klar Miljø ApS" in targets_by_name(ctx, campaign.id)


def test_questionnaire_cannot_change_after_answers(setup, ctx):
    campaign, _ids, _q = setup
    card = call_card.call_card(ctx, calls.queue_state(ctx, campaign.id).next_target_id)
    calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "done",
                                           answers={"satisfaction": AnswerValue(number=Decimal(3))}))
    other, _ = surveys.install_template(ctx, "member-needs-survey")
    detail = campaigns.get_campaign(ctx, campaign.id)
    with pytest.raises(ValidationError) as err:
        campaigns.update_campaign(ctx, campaign.id, campaigns.CampaignInput(
            detail.data.name, questionnaire_id=other.id, version=detail.data.version))
    assert "1 answer set" in err.value.errors["questionnaire"]
    listed = campaigns.list_campaigns(ctx)
    assert [(r.name, r.progress.finished, r.mine.total) for r in listed] == [("Member calls 2026", 1, 5)]
    assert date(2026, 11, 27) == listed[0].starts_on
