"""The call screen's work: whose turn it is, everything about that member on one card, and
recording a call — its outcome, the answers and the logged interaction — in one step."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from ..domain.answer_effects import needs_text
from ..domain.campaigns import (
    OUTCOMES,
    CampaignKind,
    Progress,
    QueueEntry,
    TargetStatus,
    call_queue,
    call_summary,
    is_waiting,
)
from ..domain.changes import Changes
from ..domain.questionnaires import (
    AnswerSource,
    AnswerValue,
    value_to_json,
)
from ..store.models import (
    AnswerSet,
    Campaign,
    CampaignTarget,
    Contact,
    Interaction,
    Member,
    Questionnaire,
)
from .answers import (
    apply_to_members,
    checked_answers,
    write_answers,
)
from .call_card import load_target, questionnaire_for
from .campaigns import campaign_progress, load_campaign
from .context import ServiceContext
from .errors import ConflictError, NotFound, ValidationError
from .plain import get_plain
from .surveys import question_defs

SCOPES = {
    "mine": "My members",
    "mine_and_unassigned": "Mine and unassigned",
    "everyone": "Everyone's",
}


@dataclass(frozen=True)
class QueueState:
    campaign_id: uuid.UUID
    campaign_name: str
    kind: str
    scope: str
    next_target_id: uuid.UUID | None
    waiting: int  # to call now, in this scope
    later_call_backs: int  # call-backs set for a later day, in this scope
    progress: Progress  # the whole campaign
    mine: Progress  # the members assigned to the person at the keyboard


@dataclass(frozen=True)
class CallInput:
    target_id: uuid.UUID
    version: int
    outcome: str
    contact_id: uuid.UUID | None = None
    answers: Mapping[str, AnswerValue] = field(default_factory=dict)
    notes: str = ""
    call_back_on: date | None = None
    update_orientation: bool = False


@dataclass(frozen=True)
class CallResult:
    target_id: uuid.UUID
    status: str
    interaction_id: uuid.UUID | None
    answer_set_id: uuid.UUID | None
    corrected: bool  # a finished call's answers were corrected; no new call was logged


# --- whose turn ---------------------------------------------------------------------------

def _scope_clause(scope: str, actor: str):
    if scope == "mine":
        return CampaignTarget.assigned_to == actor
    if scope == "mine_and_unassigned":
        return CampaignTarget.assigned_to.in_([actor, ""])
    if scope == "everyone":
        return None
    raise ValueError(f"unknown scope {scope!r}")


def queue_state(ctx: ServiceContext, campaign_id: uuid.UUID, scope: str = "mine") -> QueueState:
    """The next member to call in the scope, and how the campaign is going."""
    today = ctx.today()
    with ctx.uow() as uow:
        session = uow.session
        campaign = load_campaign(session, campaign_id)
        query = (select(CampaignTarget.id, CampaignTarget.status, Member.sort_name,
                        CampaignTarget.call_back_on, CampaignTarget.last_attempt_on,
                        CampaignTarget.attempts, CampaignTarget.draft, CampaignTarget.draft_by)
                 .join(Member, Member.id == CampaignTarget.member_id)
                 .where(CampaignTarget.campaign_id == campaign_id,
                        CampaignTarget.deleted_at.is_(None), Member.deleted_at.is_(None)))
        clause = _scope_clause(scope, ctx.actor)
        if clause is not None:
            query = query.where(clause)
        entries = [QueueEntry(r.id, r.status, r.sort_name, r.call_back_on, r.last_attempt_on,
                              r.attempts, bool(r.draft and r.draft.get("paused"))
                              and r.draft_by == ctx.actor)
                   for r in session.execute(query)]
        ordered = call_queue(entries, today)
        later = sum(1 for e in entries if e.status == TargetStatus.CALL_BACK.value
                    and not is_waiting(e, today))
        return QueueState(campaign.id, campaign.name, campaign.kind, scope,
                          ordered[0].target_id if ordered else None, len(ordered), later,
                          campaign_progress(session, campaign.id, today),
                          campaign_progress(session, campaign.id, today, ctx.actor))


# --- the card -----------------------------------------------------------------------------

def _draft(contact_id, answers: Mapping[str, AnswerValue], notes: str, *, paused: bool) -> dict:
    return {"paused": paused, "contact_id": str(contact_id) if contact_id else None,
            "notes": notes, "answers": {k: value_to_json(v) for k, v in answers.items()
                                        if not v.is_empty()}}


# --- recording ----------------------------------------------------------------------------

def pause_call(ctx: ServiceContext, target_id: uuid.UUID, contact_id: uuid.UUID | None,
               answers: Mapping[str, AnswerValue], notes: str) -> Changes:
    """Keep what was typed for this member, to continue with it first next time."""
    with ctx.uow() as uow:
        target = load_target(uow.session, target_id)
        if not notes.strip() and not any(not v.is_empty() for v in answers.values()):
            if target.draft is not None and target.draft_by == ctx.actor:
                target.draft = None
            return uow.commit()
        target.draft = _draft(contact_id, answers, notes, paused=True)
        target.draft_by = ctx.actor
        target.draft_at = ctx.now()
        return uow.commit()


def record_call(ctx: ServiceContext, data: CallInput) -> tuple[CallResult, Changes]:
    """Save a call's outcome in one step: log the interaction (a call-back date becomes a
    task on Today), store the answers when done, close the earlier call-back task, and bring
    the member's markets (and, when confirmed, orientation) up to date."""
    with ctx.uow() as uow:
        result = record_call_in(uow.session, ctx, data)
        changes = uow.commit()
        return result, changes


def record_call_in(session, ctx: ServiceContext, data: CallInput) -> CallResult:
    """`record_call` inside the caller's transaction."""
    errors: dict[str, str] = {}
    today = ctx.today()
    try:
        outcome = TargetStatus(data.outcome)
        if outcome not in OUTCOMES:
            raise ValueError
    except ValueError:
        raise ValidationError({"outcome": "Choose how the call went: done, no answer, call back "
                                          "or declined."}) from None
    if outcome is TargetStatus.CALL_BACK:
        if data.call_back_on is None:
            errors["call_back_on"] = "Say which day to call back."
        elif data.call_back_on < today:
            errors["call_back_on"] = "That day has passed; choose today or later."
    target = load_target(session, data.target_id)
    campaign = load_campaign(session, target.campaign_id)
    member = get_plain(session, Member, target.member_id)
    if member is None or member.deleted_at is not None:
        raise NotFound("That member was deleted meanwhile.")
    if target.version != data.version:
        raise ConflictError(f"{member.name} in “{campaign.name}”",
                            {"outcome": (TargetStatus(target.status).label, outcome.label)},
                            target.last_attempt_by or target.updated_by)
    questionnaire = questionnaire_for(session, target, campaign)
    values: dict[str, AnswerValue] = {}
    if questionnaire is not None:
        try:
            values = checked_answers(questionnaire, data.answers)
        except ValidationError as exc:
            errors.update(exc.errors)
    contact = get_plain(session, Contact, data.contact_id) if data.contact_id else None
    if data.contact_id and (contact is None or contact.member_id != member.id):
        errors["contact"] = "That contact does not belong to the member."
    if errors:
        raise ValidationError(errors)
    kind = CampaignKind(campaign.kind)
    corrected = target.status == TargetStatus.DONE.value and outcome is TargetStatus.DONE
    interaction = None
    if not corrected:
        interaction = _log_interaction(session, ctx, campaign, member, contact, outcome,
                                       data, values, questionnaire)
        target.attempts += 1
        target.last_attempt_on = today
        target.last_attempt_by = ctx.actor
    target.status = outcome.value
    target.call_back_on = data.call_back_on if outcome is TargetStatus.CALL_BACK else None
    answer_set = None
    if outcome is TargetStatus.DONE:
        target.draft = None
        if questionnaire is not None and (values or target.answer_set_id):
            answer_set = _answer_set_for(session, ctx, target, campaign, questionnaire, kind)
            answer_set.member_id, answer_set.contact_id = member.id, data.contact_id
            if interaction is not None:
                answer_set.interaction = interaction
            write_answers(session, answer_set, questionnaire, values)
            target.answer_set = answer_set
            apply_to_members(session, questionnaire, values, member.id, ctx,
                             update_orientation=data.update_orientation)
    elif values or data.notes.strip():
        # Nothing typed is lost: it waits on the member for the next call.
        target.draft = _draft(data.contact_id, values, "", paused=False)
        target.draft_by, target.draft_at = ctx.actor, ctx.now()
    else:
        target.draft = None
    session.flush()
    return CallResult(target.id, target.status, interaction.id if interaction else None,
                      answer_set.id if answer_set else None, corrected)


def _log_interaction(session, ctx: ServiceContext, campaign: Campaign, member: Member,
                     contact: Contact | None, outcome: TargetStatus, data: CallInput,
                     values: Mapping[str, AnswerValue],
                     questionnaire: Questionnaire | None) -> Interaction:
    kind = CampaignKind(campaign.kind)
    call_back = outcome is TargetStatus.CALL_BACK
    questions = question_defs(questionnaire) if questionnaire else ()
    interaction = Interaction(
        id=uuid.uuid4(), member_id=member.id, contact_id=contact.id if contact else None,
        kind="visit" if kind is CampaignKind.VISIT and outcome is TargetStatus.DONE else "phone_call",
        occurred_on=ctx.today(), staff=ctx.actor, attendees=contact.name if contact else "",
        summary=call_summary(kind, campaign.name, outcome, data.call_back_on, data.notes,
                             len(values) if outcome is TargetStatus.DONE else 0),
        needs=needs_text(questions, values) if outcome is TargetStatus.DONE else "",
        next_step=f"Call back ({campaign.name})" if call_back else "",
        follow_up_on=data.call_back_on if call_back else None, campaign_id=campaign.id)
    session.add(interaction)
    # The call-back task of an earlier call in this campaign is done now that we called.
    for earlier in session.scalars(select(Interaction).where(
            Interaction.campaign_id == campaign.id, Interaction.member_id == member.id,
            Interaction.id != interaction.id, Interaction.follow_up_on.is_not(None),
            Interaction.follow_up_done_at.is_(None), Interaction.deleted_at.is_(None))):
        earlier.follow_up_done_at = ctx.now()
        earlier.follow_up_done_by = ctx.actor
    return interaction


def _answer_set_for(session, ctx: ServiceContext, target: CampaignTarget, campaign: Campaign,
                    questionnaire: Questionnaire, kind: CampaignKind) -> AnswerSet:
    existing = session.get(AnswerSet, target.answer_set_id) if target.answer_set_id else None
    if existing is not None and existing.deleted_at is None:
        return existing
    answer_set = AnswerSet(
        id=uuid.uuid4(), questionnaire_id=questionnaire.id, campaign_id=campaign.id,
        answered_on=ctx.today(), answered_by=ctx.actor,
        source=(AnswerSource.VISIT if kind is CampaignKind.VISIT else AnswerSource.PHONE).value)
    session.add(answer_set)
    return answer_set
