"""Results of a questionnaire over all its revisions: counts, averages and texts per
question, and the raw answers as a table (one row per answer set, one column per question)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy import select

from ..domain.questionnaires import (
    AnswerSource,
    AnswerValue,
    Choice,
    QuestionDef,
    QuestionKind,
    answer_text,
)
from ..domain.survey_results import QuestionResult, Respondent, summarise
from ..store.models import AnswerSet, Campaign, Contact, Member, Questionnaire
from .answers import value_of
from .context import ServiceContext
from .errors import NotFound
from .surveys import question_defs


@dataclass(frozen=True)
class SurveyResults:
    questionnaire_name: str
    revision: int
    respondents: int
    scope: str  # "all answers" or the campaign's name
    questions: tuple[QuestionResult, ...]


@dataclass(frozen=True)
class RawAnswers:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]
    questions: tuple[tuple[int, QuestionDef], ...]  # numbered, for a second sheet


@dataclass(frozen=True)
class _Gathered:
    current: Questionnaire
    questions: tuple[tuple[int, QuestionDef, str], ...]  # number, question, note
    former_labels: dict[str, dict[str, str]]
    sets: list[tuple[AnswerSet, str, str, str, int]]  # set, member, contact, campaign, revision
    values: dict[uuid.UUID, dict[str, AnswerValue]]


NO_CAMPAIGN = uuid.UUID(int=0)  # scope: answers given outside any campaign


def _gather(session, questionnaire_id: uuid.UUID, campaign_id: uuid.UUID | None) -> _Gathered:
    start = session.get(Questionnaire, questionnaire_id)
    if start is None:
        raise NotFound("That questionnaire no longer exists.")
    revisions = list(session.scalars(select(Questionnaire).where(
        Questionnaire.family_id == start.family_id).order_by(Questionnaire.revision.desc())))
    current = revisions[0]
    keyed: dict[uuid.UUID, tuple[str, QuestionDef]] = {}
    questions: list[tuple[int, QuestionDef, str]] = []
    seen: set[str] = set()
    former_labels: dict[str, dict[str, str]] = {}
    for revision in revisions:
        for question in question_defs(revision):
            keyed[question.id] = (question.key, question)
            for choice in question.choices:
                former_labels.setdefault(question.key, {}).setdefault(choice.key, choice.label)
            if question.key not in seen:
                seen.add(question.key)
                note = "" if revision is current else f"asked up to revision {revision.revision}"
                questions.append((len(questions) + 1, question, note))
    query = (select(AnswerSet, Member.name, Contact.name, Campaign.name, Questionnaire.revision)
             .join(Questionnaire, Questionnaire.id == AnswerSet.questionnaire_id)
             .outerjoin(Member, Member.id == AnswerSet.member_id)
             .outerjoin(Contact, Contact.id == AnswerSet.contact_id)
             .outerjoin(Campaign, Campaign.id == AnswerSet.campaign_id)
             .where(AnswerSet.questionnaire_id.in_([r.id for r in revisions]),
                    AnswerSet.deleted_at.is_(None), Member.deleted_at.is_(None))
             .order_by(AnswerSet.answered_on, AnswerSet.created_at))
    if campaign_id == NO_CAMPAIGN:
        query = query.where(AnswerSet.campaign_id.is_(None))
    elif campaign_id is not None:
        query = query.where(AnswerSet.campaign_id == campaign_id)
    sets = [(s, m or "", c or "", camp or "", rev) for s, m, c, camp, rev in session.execute(query).all()]
    values: dict[uuid.UUID, dict[str, AnswerValue]] = {}
    for answer_set, *_rest in sets:
        values[answer_set.id] = {keyed[a.question_id][0]: value_of(a)
                                 for a in answer_set.answers if a.question_id in keyed}
    return _Gathered(current, tuple(questions), former_labels, sets, values)


def questionnaire_results(ctx: ServiceContext, questionnaire_id: uuid.UUID,
                          campaign_id: uuid.UUID | None = None) -> SurveyResults:
    """Per question: how many answered, counts per choice, average of ratings and numbers,
    the "other" texts and free texts. `campaign_id` narrows to one campaign (NO_CAMPAIGN:
    answers given outside campaigns)."""
    with ctx.uow() as uow:
        session = uow.session
        g = _gather(session, questionnaire_id, campaign_id)
        results = []
        who = [Respondent(member or s.respondent, contact, s.answered_on)
               for s, member, contact, _campaign, _revision in g.sets]
        for number, question, note in g.questions:
            per_set = [g.values[s.id].get(question.key) for s, *_ in g.sets]
            result = summarise(number, question, per_set, g.former_labels.get(question.key), who)
            if note:
                result = replace(result, question=replace(question, text=f"{question.text} ({note})"))
            results.append(result)
        if campaign_id == NO_CAMPAIGN:
            scope = "answers outside campaigns"
        elif campaign_id is not None:
            campaign = session.get(Campaign, campaign_id)
            scope = f"campaign “{campaign.name}”" if campaign else "campaign"
        else:
            scope = "all answers"
        return SurveyResults(g.current.name, g.current.revision, len(g.sets), scope, tuple(results))


RAW_FIXED = ("Answered on", "Member", "Contact", "Respondent", "Campaign", "Entered by",
             "How", "Revision")


def raw_answers(ctx: ServiceContext, questionnaire_id: uuid.UUID,
                campaign_id: uuid.UUID | None = None) -> RawAnswers:
    """One row per answer set, one column per question (every revision's questions), with
    numbers and ratings as numbers and choices as their labels."""
    with ctx.uow() as uow:
        g = _gather(uow.session, questionnaire_id, campaign_id)
        headers = RAW_FIXED + tuple(f"Q{n} {q.text}" for n, q, _note in g.questions)
        rows = []
        for answer_set, member, contact, campaign, revision in g.sets:
            values = g.values[answer_set.id]
            cells: list = [answer_set.answered_on, member, contact, answer_set.respondent,
                           campaign, answer_set.answered_by, _source_label(answer_set.source),
                           revision]
            cells += [_cell(_with_former_choices(q, g.former_labels.get(q.key, {})), values.get(q.key))
                      for _n, q, _note in g.questions]
            rows.append(tuple(cells))
        return RawAnswers(g.current.name, headers, tuple(rows),
                          tuple((n, q) for n, q, _note in g.questions))


def _with_former_choices(question: QuestionDef, labels: dict[str, str]) -> QuestionDef:
    """The question with the choices earlier revisions had, so old answers keep their words."""
    have = {c.key for c in question.choices}
    extra = tuple(Choice(k, label) for k, label in labels.items() if k not in have)
    return replace(question, choices=question.choices + extra) if extra else question


def _source_label(source: str) -> str:
    try:
        return AnswerSource(source).label
    except ValueError:
        return source


def _cell(question: QuestionDef, value: AnswerValue | None) -> object:
    if value is None or value.is_empty():
        return None
    if question.kind == QuestionKind.RATING.value:
        return int(value.number)
    if question.kind == QuestionKind.NUMBER.value:
        number = value.number
        return int(number) if number == number.to_integral_value() else number
    return answer_text(question, value)


def campaigns_asking(ctx: ServiceContext, questionnaire_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of the campaigns that ask, or were answered with, any revision of it."""
    with ctx.uow() as uow:
        session = uow.session
        start = session.get(Questionnaire, questionnaire_id)
        if start is None:
            raise NotFound("That questionnaire no longer exists.")
        family = select(Questionnaire.id).where(Questionnaire.family_id == start.family_id)
        answered = select(AnswerSet.campaign_id).where(AnswerSet.questionnaire_id.in_(family))
        rows = session.execute(
            select(Campaign.id, Campaign.name).where(
                Campaign.deleted_at.is_(None),
                Campaign.questionnaire_id.in_(family) | Campaign.id.in_(answered))
            .order_by(Campaign.starts_on.desc(), Campaign.name)).all()
        return [(r.id, r.name) for r in rows]
