"""Campaign call-backs on Today agree with the campaign: one item per waiting member (from
the campaign's list), and ticking it off — on Today or as the logged call's follow-up —
records the call-back in the campaign, so progress, the list and Today say the same."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from clusterdesk.domain.questionnaires import AnswerValue
from clusterdesk.services import call_backs, call_card, calls, campaigns, today
from clusterdesk.services.errors import ServiceError
from clusterdesk.store.models import Interaction
from tests.conftest import FIXED_NOW
from tests.services.test_campaigns_service import setup  # noqa: F401 - the fixture

TODAY = FIXED_NOW.date()


def call_back(ctx, campaign_id, days=2, answers=None):
    state = calls.queue_state(ctx, campaign_id)
    card = call_card.call_card(ctx, state.next_target_id)
    contact_id = card.contacts[0].id if card.contacts else None
    calls.record_call(ctx, calls.CallInput(card.target_id, card.target_version, "call_back",
                                           contact_id=contact_id, call_back_on=TODAY + timedelta(days=days),
                                           answers=answers or {}))
    return card


def waiting(ctx, member_id):
    return [i for i in today.agenda(ctx) if i.member_id == member_id]


def test_a_call_back_is_one_item_of_the_campaign_on_today(setup, ctx):  # noqa: F811
    campaign, _ids, _q = setup
    card = call_back(ctx, campaign.id)
    (item,) = waiting(ctx, card.member_id)
    assert item.kind == "call-back" and item.record_kind == "campaign_targets"
    assert (item.record_id, item.campaign_id) == (card.target_id, campaign.id)
    assert item.title == f"{card.member_name}: Call back (Member calls 2026)"
    assert today.can_complete(item) and "without answers" in today.source_of(item).done_means
    # A campaign in the bin takes its call-backs off Today.
    campaigns.delete_campaign(ctx, campaign.id)
    assert waiting(ctx, card.member_id) == []


def test_ticking_it_off_on_today_records_the_call_back_in_the_campaign(setup, ctx):  # noqa: F811
    campaign, _ids, _q = setup
    card = call_back(ctx, campaign.id)
    before = calls.queue_state(ctx, campaign.id).progress
    (item,) = waiting(ctx, card.member_id)
    changes = today.complete_item(ctx, item)
    assert changes.touches("campaign_targets", "interactions")
    assert waiting(ctx, card.member_id) == []
    after = calls.queue_state(ctx, campaign.id).progress
    assert after.finished == before.finished + 1 and after.call_backs_later == before.call_backs_later - 1
    target = {t.member_id: t for t in campaigns.campaign_targets(ctx, campaign.id)}[card.member_id]
    assert (target.status, target.call_back_on, target.attempts) == ("done", None, 2)
    with ctx.uow() as uow:
        asked, done = uow.session.scalars(select(Interaction).where(
            Interaction.member_id == card.member_id).order_by(Interaction.created_at))
        assert asked.follow_up_done_at is not None and asked.follow_up_done_by == ctx.actor
        assert done.summary.startswith("Call in “Member calls 2026”: done, no questions answered.")
        assert call_backs.MARKED_ON_TODAY in done.summary and done.contact_id == asked.contact_id


def test_the_logged_calls_follow_up_is_the_same_call_back(setup, ctx):  # noqa: F811
    campaign, _ids, _q = setup
    card = call_back(ctx, campaign.id)
    with ctx.uow() as uow:
        asked = uow.session.scalars(select(Interaction.id).where(
            Interaction.member_id == card.member_id)).one()
    today.complete_follow_up(ctx, asked)  # the member's Interactions ▸ Follow-up done
    target = {t.member_id: t for t in campaigns.campaign_targets(ctx, campaign.id)}[card.member_id]
    assert target.status == "done"
    assert waiting(ctx, card.member_id) == []


def test_answers_typed_earlier_are_not_thrown_away_by_a_tick(setup, ctx):  # noqa: F811
    campaign, _ids, _q = setup
    card = call_back(ctx, campaign.id, answers={"satisfaction": AnswerValue(number=Decimal(5))})
    (item,) = waiting(ctx, card.member_id)
    with pytest.raises(ServiceError, match="wait on the call screen"):
        today.complete_item(ctx, item)
    assert waiting(ctx, card.member_id) == [item]
    # Once the call is recorded on the call screen, ticking again is refused with the reason.
    later = card.target_id
    fresh = call_card.call_card(ctx, later)
    calls.record_call(ctx, calls.CallInput(later, fresh.target_version, "done", answers=fresh.answers))
    with pytest.raises(ServiceError, match="no longer waiting for a call-back"):
        call_backs.complete_call_back(ctx, later)


def test_demo_call_backs_are_on_today_once_each(demo_ctx):
    (campaign,) = campaigns.list_campaigns(demo_ctx)
    items = [i for i in today.agenda(demo_ctx) if i.campaign_id == campaign.id]
    assert all(i.kind == "call-back" for i in items)
    assert len({i.member_id for i in items}) == len(items)
    assert len(items) == campaign.progress.call_backs_due + campaign.progress.call_backs_later
    assert not [i for i in today.agenda(demo_ctx) if i.kind == "follow-up" and "Call back (" in i.title]
