"""The evaluation report of one activity or of every activity that ended in a period: who
answered (the response rate), the ratings question by question, the yes/no answers, the
outcomes (counts, countries, the value of contracts and orders per currency), the success
stories, and what participants wrote."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select

from ..domain.countries import country_name
from ..domain.evaluations import OutcomeTotals
from ..domain.formatting import format_date, format_date_range
from ..domain.questionnaires import YES_NO_CHOICES, AnswerValue, QuestionDef, QuestionKind
from ..domain.survey_results import summarise
from ..store.models import Activity, AnswerSet, Member, Outcome, Questionnaire, SuccessStory
from .answers import value_of
from .context import ServiceContext
from .errors import ValidationError
from .evaluation_state import gather_states
from .outcomes import OutcomeLine, outcome_line, totals
from .records import load
from .success_stories import StoryRow, story_query, story_row
from .surveys import question_defs

MAX_COMMENTS = 60


@dataclass(frozen=True)
class ReportActivity:
    id: uuid.UUID
    name: str
    kind: str
    starts_on: date
    ends_on: date | None
    place: str
    counted: int
    answered: int
    followed_up: int
    outcomes: int


@dataclass(frozen=True)
class RatingLine:
    key: str
    text: str
    answered: int
    average: Decimal | None
    counts: tuple[int, ...]  # how many gave 1, 2, 3, 4, 5


@dataclass(frozen=True)
class YesNoLine:
    key: str
    text: str
    yes: int
    no: int
    considering: int


@dataclass(frozen=True)
class Comment:
    question: str
    member: str
    text: str


@dataclass(frozen=True)
class EvaluationReport:
    title: str
    scope: str
    activities: tuple[ReportActivity, ...]
    ratings: tuple[RatingLine, ...]
    yes_no: tuple[YesNoLine, ...]
    outcomes: tuple[tuple[str, OutcomeLine], ...]  # (activity name, outcome)
    totals: OutcomeTotals
    stories: tuple[StoryRow, ...]
    comments: tuple[Comment, ...]
    answer_sets: int  # every set of answers linked to the activities

    @property
    def participants(self) -> int:
        return sum(a.counted for a in self.activities)

    @property
    def answered(self) -> int:
        return sum(a.answered for a in self.activities)

    @property
    def followed_up(self) -> int:
        return sum(a.followed_up for a in self.activities)

    @property
    def response_rate(self) -> float:
        """Share of the participants waited for who answered the evaluation (0..1)."""
        return self.answered / self.participants if self.participants else 0.0


def activity_report(ctx: ServiceContext, activity_id: uuid.UUID) -> EvaluationReport:
    """The evaluation report of one activity."""
    with ctx.uow() as uow:
        activity = load(uow.session, Activity, activity_id, "That activity", live=True)
        scope = format_date_range(activity.starts_on, activity.ends_on)
        place = ", ".join(p for p in (activity.city, country_name(activity.country)) if p)
        return _report(uow.session, [activity], f"Evaluation: {activity.name}",
                       f"{scope}" + (f" · {place}" if place else ""), stories_since=None)


def period_report(ctx: ServiceContext, start: date | None, end: date | None) -> EvaluationReport:
    """The evaluation report of every activity whose last day falls in the period (both days
    included), with the success stories of the period too."""
    if start is None or end is None:
        raise ValidationError({"start" if start is None else "end": "Give both the first and the last day."})
    if end < start:
        raise ValidationError({"end": "The last day cannot be before the first day."})
    last_day = func.coalesce(Activity.ends_on, Activity.starts_on)
    with ctx.uow() as uow:
        activities = list(uow.session.scalars(select(Activity).where(
            Activity.deleted_at.is_(None), Activity.status.not_in(("cancelled", "idea")),
            last_day >= start, last_day <= end).order_by(last_day, Activity.sort_name)))
        return _report(uow.session, activities, "Evaluation report",
                       f"Activities that ended {format_date(start)} – {format_date(end)}",
                       stories_since=(start, end))


def _report(session, activities: list[Activity], title: str, scope: str, *,
            stories_since: tuple[date, date] | None) -> EvaluationReport:
    ids = [a.id for a in activities]
    names = {a.id: a.name for a in activities}
    states = gather_states(session, activities)
    lines = []
    for activity, state in zip(activities, states, strict=True):
        place = ", ".join(p for p in (activity.city, country_name(activity.country)) if p)
        lines.append(ReportActivity(activity.id, activity.name, activity.kind, activity.starts_on,
                                    activity.ends_on, place, state.counted, state.answered,
                                    state.followed_up, state.outcomes))
    ratings, yes_no, comments, answer_sets = _answers(session, ids)
    outcomes = []
    if ids:
        outcomes = [(names[o.activity_id], outcome_line(o, member)) for o, member in session.execute(
            select(Outcome, Member.name).join(Member, Member.id == Outcome.member_id)
            .where(Outcome.activity_id.in_(ids), Outcome.deleted_at.is_(None), Member.deleted_at.is_(None))
            .order_by(Outcome.activity_id, Outcome.position))]
    return EvaluationReport(title, scope, tuple(lines), ratings, yes_no, tuple(outcomes),
                            totals([o for _a, o in outcomes]), _stories(session, ids, stories_since),
                            comments, answer_sets)


def _answers(session, activity_ids: list[uuid.UUID]):
    """Ratings and yes/no answers per question key (over every questionnaire used, worded as
    the newest one asks), and the texts written."""
    if not activity_ids:
        return (), (), (), 0
    sets = list(session.execute(
        select(AnswerSet, Member.name).outerjoin(Member, Member.id == AnswerSet.member_id)
        .where(AnswerSet.activity_id.in_(activity_ids), AnswerSet.deleted_at.is_(None))
        .order_by(AnswerSet.answered_on)).all())
    questionnaires = {q.id: q for q in session.scalars(select(Questionnaire).where(
        Questionnaire.id.in_({s.questionnaire_id for s, _m in sets})))} if sets else {}
    newest: dict[str, tuple[tuple, QuestionDef]] = {}
    values: dict[str, list[AnswerValue]] = defaultdict(list)
    comments = []
    for answer_set, member in sets:
        questionnaire = questionnaires[answer_set.questionnaire_id]
        questions = {q.id: q for q in question_defs(questionnaire)}
        rank = (questionnaire.updated_at, questionnaire.revision)
        for question in questions.values():
            if question.key not in newest or newest[question.key][0] < rank:
                newest[question.key] = (rank, question)
        for answer in answer_set.answers:
            question = questions.get(answer.question_id)
            if question is None:
                continue
            value = value_of(answer)
            values[question.key].append(value)
            if question.kind == QuestionKind.FREE_TEXT.value and value.text and len(comments) < MAX_COMMENTS:
                comments.append(Comment(question.text, member or answer_set.respondent, value.text))
    ratings, yes_no = [], []
    for key, (_rank, question) in newest.items():
        if question.kind == QuestionKind.RATING.value:
            result = summarise(0, question, values.get(key, []))
            counts = tuple(next((c.count for c in result.counts if c.key == str(n)), 0) for n in range(1, 6))
            ratings.append(RatingLine(key, question.text, result.answered, result.average, counts))
        elif question.kind == QuestionKind.YES_NO_CONSIDERING.value:
            result = summarise(0, question, values.get(key, []))
            count = {c.key: c.count for c in result.counts}
            yes_no.append(YesNoLine(key, question.text, *(count.get(c.key, 0) for c in YES_NO_CHOICES)))
    return tuple(ratings), tuple(yes_no), tuple(comments), len(sets)


def _stories(session, activity_ids: list[uuid.UUID], period: tuple[date, date] | None) -> tuple[StoryRow, ...]:
    clauses = [SuccessStory.activity_id.in_(activity_ids)] if activity_ids else []
    if period is not None:
        when = func.coalesce(SuccessStory.happened_on, SuccessStory.published_on)
        clauses.append((when >= period[0]) & (when <= period[1]))
    if not clauses:
        return ()
    rows = session.execute(story_query(SuccessStory.deleted_at.is_(None), or_(*clauses))).all()
    return tuple(story_row(s, member, activity) for s, member, activity in rows)
