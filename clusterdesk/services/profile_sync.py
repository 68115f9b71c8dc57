"""What answers change in a member's profile: the markets of interest named in any of its
answers (always), and the international orientation (only when the user confirmed it)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date

from sqlalchemy import select

from ..domain.answer_effects import countries_in, suggested_orientation
from ..domain.questionnaires import AnswerValue, QuestionDef, QuestionRole
from ..store.models import Answer, AnswerSet, Member, MemberMarket, Question, Questionnaire
from .context import ServiceContext
from .plain import get_plain
from .surveys import question_defs


def apply_to_members(session, questionnaire: Questionnaire, values: Mapping[str, AnswerValue],
                     member_id: uuid.UUID | None, ctx: ServiceContext, *,
                     update_orientation: bool, also=()) -> None:
    """Bring the member profile(s) in line with the answers: markets of interest always;
    the international orientation only when the user confirmed it."""
    session.flush()
    for affected in {member_id, *also} - {None}:
        sync_member_markets(session, affected)
    if member_id is not None and update_orientation:
        member = get_plain(session, Member, member_id)
        wanted = suggested_orientation(question_defs(questionnaire), values,
                                       member.international_orientation)
        if wanted is not None:
            member.international_orientation = wanted


_ANSWER_SOURCES = ("survey", "campaign")


def sync_member_markets(session, member_id: uuid.UUID) -> None:
    """Make the member's survey/campaign markets the countries named in its live answers
    (profile markets are the member editor's and are never touched here)."""
    rows = session.execute(
        select(AnswerSet.campaign_id, AnswerSet.answered_on, Question.kind, Question.role,
               Answer.choices, Answer.other, Answer.text)
        .join(Answer, Answer.answer_set_id == AnswerSet.id)
        .join(Question, Question.id == Answer.question_id)
        .where(AnswerSet.member_id == member_id, AnswerSet.deleted_at.is_(None),
               Question.role == QuestionRole.MARKETS.value)).all()
    wanted: dict[tuple[str, str], date] = {}
    for campaign_id, answered_on, kind, role, choices, other, text in rows:
        question = QuestionDef(key="", kind=kind, text="", role=role)
        source = "campaign" if campaign_id else "survey"
        for code in countries_in(question, AnswerValue(tuple(choices or ()), other or "", None, text or "")):
            key = (code, source)
            wanted[key] = max(wanted.get(key, answered_on), answered_on)
    existing = list(session.scalars(select(MemberMarket).where(
        MemberMarket.member_id == member_id, MemberMarket.source.in_(_ANSWER_SOURCES))))
    have = set()
    for market in existing:
        key = (market.country, market.source)
        if key in wanted and key not in have:
            have.add(key)
            market.deleted_at = None
            if market.noted_on != wanted[key]:
                market.noted_on = wanted[key]
        else:
            session.delete(market)
    for (code, source), noted in wanted.items():
        if (code, source) not in have:
            session.add(MemberMarket(id=uuid.uuid4(), member_id=member_id, country=code,
                                     source=source, noted_on=noted))
