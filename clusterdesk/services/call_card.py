"""Everything the caller needs about one member of a campaign, on one card: the member, whom
to call (numbers ready to read out), the last interactions, the questions and any answers
already typed or saved, and the member's earlier answers to the same questions."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import lazyload

from ..domain.questionnaires import AnswerValue, QuestionDef, value_from_json
from ..store.models import (
    AnswerSet,
    Campaign,
    CampaignTarget,
    Contact,
    Interaction,
    Member,
    MemberMarket,
    Questionnaire,
    Tag,
    member_tags,
)
from .answers import Prefill, earlier_answers, value_of
from .campaigns import load_campaign
from .context import ServiceContext
from .errors import NotFound
from .plain import get_plain
from .surveys import question_defs


@dataclass(frozen=True)
class ContactCard:
    id: uuid.UUID
    name: str
    role: str
    email: str
    phone: str  # for reading: international format when the number is known to be valid
    phone_e164: str
    is_primary: bool


@dataclass(frozen=True)
class InteractionLine:
    occurred_on: date
    kind: str
    staff: str
    summary: str
    needs: str
    next_step: str


@dataclass(frozen=True)
class CallCard:
    target_id: uuid.UUID
    target_version: int
    status: str
    call_back_on: date | None
    attempts: int
    last_attempt_on: date | None
    last_attempt_by: str
    assigned_to: str
    campaign_id: uuid.UUID
    campaign_name: str
    kind: str
    member_id: uuid.UUID
    member_name: str
    city: str
    orientation: str
    sectors: tuple[str, ...]
    markets: tuple[tuple[str, str], ...]  # (country, source)
    member_notes: str
    contacts: tuple[ContactCard, ...]
    interactions: tuple[InteractionLine, ...]
    questions: tuple[QuestionDef, ...]
    questionnaire_name: str
    answers: Mapping[str, AnswerValue] = field(default_factory=dict)
    answers_from: str = ""  # "saved" (a finished call), "draft" (typed earlier) or ""
    contact_id: uuid.UUID | None = None
    notes: str = ""
    earlier: Prefill | None = None


def _phone_for_reading(typed: str, e164: str) -> str:
    if e164:
        try:
            return phonenumbers.format_number(phonenumbers.parse(e164),
                                              phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        except phonenumbers.NumberParseException:
            pass
    return typed


def call_card(ctx: ServiceContext, target_id: uuid.UUID) -> CallCard:
    """Everything the caller needs about one member of the campaign."""
    with ctx.uow() as uow:
        session = uow.session
        target = load_target(session, target_id)
        campaign = load_campaign(session, target.campaign_id)
        member = get_plain(session, Member, target.member_id)
        contacts = sorted((c for c in session.scalars(select(Contact).where(
            Contact.member_id == member.id, Contact.deleted_at.is_(None),
            Contact.erased_at.is_(None)).options(lazyload("*")))),
            key=lambda c: (not c.is_primary, c.name))
        interactions = session.execute(
            select(Interaction.occurred_on, Interaction.kind, Interaction.staff,
                   Interaction.summary, Interaction.needs, Interaction.next_step)
            .where(Interaction.member_id == member.id, Interaction.deleted_at.is_(None))
            .order_by(Interaction.occurred_on.desc(), Interaction.created_at.desc()).limit(5)).all()
        sectors = tuple(session.scalars(
            select(Tag.name).join(member_tags, member_tags.c.tag_id == Tag.id)
            .where(member_tags.c.member_id == member.id, Tag.kind == "sector").order_by(Tag.name)))
        markets = tuple(session.execute(
            select(MemberMarket.country, MemberMarket.source)
            .where(MemberMarket.member_id == member.id, MemberMarket.deleted_at.is_(None))
            .order_by(MemberMarket.country)).all())
        questionnaire = questionnaire_for(session, target, campaign)
        questions = question_defs(questionnaire) if questionnaire else ()
        answers: dict[str, AnswerValue] = {}
        source, contact_id, notes = "", None, ""
        answer_set = session.get(AnswerSet, target.answer_set_id) if target.answer_set_id else None
        if target.draft:
            answers = {k: value_from_json(v) for k, v in target.draft.get("answers", {}).items()}
            contact_id = _uuid(target.draft.get("contact_id"))
            notes = str(target.draft.get("notes", ""))
            source = "draft"
        elif answer_set is not None and answer_set.deleted_at is None:
            keys = {q.id: q.key for q in questionnaire.questions} if questionnaire else {}
            answers = {keys[a.question_id]: value_of(a) for a in answer_set.answers
                       if a.question_id in keys}
            contact_id, source = answer_set.contact_id, "saved"
        card = CallCard(
            target.id, target.version, target.status, target.call_back_on, target.attempts,
            target.last_attempt_on, target.last_attempt_by, target.assigned_to, campaign.id,
            campaign.name, campaign.kind, member.id, member.name, member.city,
            member.international_orientation, sectors, markets, member.notes,
            tuple(ContactCard(c.id, c.name, c.role, c.email, _phone_for_reading(c.phone, c.phone_e164),
                              c.phone_e164, c.is_primary) for c in contacts),
            tuple(InteractionLine(*row) for row in interactions), questions,
            questionnaire.name if questionnaire else "", answers, source, contact_id, notes)
        questionnaire_id = questionnaire.id if questionnaire else None
        answered_id = answer_set.id if answer_set else None
    if questionnaire_id is None:
        return card
    return replace(card, earlier=earlier_answers(ctx, questionnaire_id, card.member_id,
                                                 exclude=answered_id))


def questionnaire_for(session, target: CampaignTarget, campaign: Campaign) -> Questionnaire | None:
    """The revision to show and save: the one already answered, else the campaign's."""
    answer_set = session.get(AnswerSet, target.answer_set_id) if target.answer_set_id else None
    if answer_set is not None and answer_set.deleted_at is None:
        return session.get(Questionnaire, answer_set.questionnaire_id)
    if campaign.questionnaire_id is None:
        return None
    return session.get(Questionnaire, campaign.questionnaire_id)


def _uuid(text) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(text)) if text else None
    except ValueError:
        return None


def load_target(session, target_id: uuid.UUID) -> CampaignTarget:
    target = session.get(CampaignTarget, target_id)
    if target is None or target.deleted_at is not None:
        raise NotFound("That member is no longer on the campaign's list.")
    return target
