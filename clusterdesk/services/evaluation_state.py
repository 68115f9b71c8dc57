"""An activity's evaluation in figures: whose answers it waits for, who has answered right
after and at the long-term follow-up, and how many outcomes were reported — gathered for many
activities at once (the list, Today, the evidence) or with the people (one activity)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from ..domain.countries import country_name
from ..domain.evaluations import (
    DEFAULT_FOLLOW_UP_MONTHS,
    Respondent,
    evaluated_statuses,
    evaluation_due,
    follow_up_due,
    match_answers,
)
from ..store.models import (
    Activity,
    ActivityEvaluation,
    AnswerSet,
    Contact,
    Member,
    Outcome,
    Participant,
    Questionnaire,
)


@dataclass(frozen=True)
class ParticipantAnswers:
    participant_id: uuid.UUID
    member_id: uuid.UUID
    member_name: str
    contact_id: uuid.UUID | None
    contact_name: str
    status: str
    counted: bool  # whose answers the evaluation waits for
    evaluation_id: uuid.UUID | None = None
    evaluation_on: date | None = None
    follow_up_id: uuid.UUID | None = None
    follow_up_on: date | None = None
    outcomes: int = 0


@dataclass(frozen=True)
class EvaluationState:
    """One activity's evaluation in figures (the list, Today and the detail share it)."""

    activity_id: uuid.UUID
    name: str
    kind: str
    status: str
    starts_on: date
    ends_on: date | None
    responsible: str
    follow_up_months: int
    counted: int  # participants whose answers are waited for
    answered: int
    followed_up: int
    outcomes: int
    evaluation_done_at: datetime | None
    evaluation_done_by: str
    follow_up_done_at: datetime | None
    follow_up_done_by: str
    questionnaire_name: str = ""
    place: str = ""  # city, country

    @property
    def last_day(self) -> date:
        return self.ends_on or self.starts_on

    @property
    def evaluation_due(self) -> date:
        return evaluation_due(self.last_day)

    @property
    def follow_up_due(self) -> date:
        return follow_up_due(self.last_day, self.follow_up_months)

    @property
    def evaluation_closed(self) -> bool:
        """Marked done, or everyone it waits for has answered."""
        return self.evaluation_done_at is not None or (self.counted > 0 and self.answered >= self.counted)

    @property
    def follow_up_closed(self) -> bool:
        return self.follow_up_done_at is not None or (self.counted > 0 and self.followed_up >= self.counted)

    @property
    def id(self) -> uuid.UUID:
        return self.activity_id

    # "evaluation" (right after) or "follow_up" (months later): the same questions of each

    def due_of(self, which: str) -> date:
        return self.evaluation_due if which == "evaluation" else self.follow_up_due

    def closed_of(self, which: str) -> bool:
        return self.evaluation_closed if which == "evaluation" else self.follow_up_closed

    def answered_of(self, which: str) -> int:
        return self.answered if which == "evaluation" else self.followed_up

    def open_between(self, which: str, since: date, until: date) -> bool:
        """Not closed, and due from `since` to `until`."""
        return not self.closed_of(which) and since <= self.due_of(which) <= until


def families_of(session, ids) -> dict[uuid.UUID, uuid.UUID]:
    ids = [i for i in ids if i is not None]
    if not ids:
        return {}
    return dict(session.execute(select(Questionnaire.id, Questionnaire.family_id)
                                .where(Questionnaire.id.in_(ids))).all())


def gather_states(session, activities: list[Activity], *, with_people: bool = False):
    """EvaluationState per activity (in the given order); with `with_people`, also the
    participants with their answers, and the count of answers from no one on the list."""
    ids = [a.id for a in activities]
    plans = {p.activity_id: p for p in session.scalars(
        select(ActivityEvaluation).where(ActivityEvaluation.activity_id.in_(ids)))} if ids else {}
    people: dict[uuid.UUID, list] = defaultdict(list)
    sets: dict[uuid.UUID, list] = defaultdict(list)
    outcome_counts: dict[tuple[uuid.UUID, uuid.UUID], int] = defaultdict(int)
    for start in range(0, len(ids), 2000):
        chunk = ids[start:start + 2000]
        for row in session.execute(
                select(Participant.id, Participant.activity_id, Participant.member_id,
                       Participant.contact_id, Participant.status, Member.name, Contact.name)
                .join(Member, Member.id == Participant.member_id)
                .outerjoin(Contact, Contact.id == Participant.contact_id)
                .where(Participant.activity_id.in_(chunk), Participant.deleted_at.is_(None),
                       Member.deleted_at.is_(None))
                .order_by(Member.sort_name, Contact.name)):
            people[row[1]].append(row)
        for row in session.execute(
                select(AnswerSet.id, AnswerSet.activity_id, AnswerSet.member_id, AnswerSet.contact_id,
                       AnswerSet.answered_on, Questionnaire.family_id)
                .join(Questionnaire, Questionnaire.id == AnswerSet.questionnaire_id)
                .where(AnswerSet.activity_id.in_(chunk), AnswerSet.deleted_at.is_(None))):
            sets[row[1]].append(row)
        for activity_id, member_id, n in session.execute(
                select(Outcome.activity_id, Outcome.member_id, func.count())
                .where(Outcome.activity_id.in_(chunk), Outcome.deleted_at.is_(None))
                .group_by(Outcome.activity_id, Outcome.member_id)):
            outcome_counts[(activity_id, member_id)] = n
    families = families_of(session, [p.follow_up_questionnaire_id for p in plans.values()])
    names = dict(session.execute(select(Questionnaire.id, Questionnaire.name).where(
        Questionnaire.id.in_([p.questionnaire_id for p in plans.values() if p.questionnaire_id]))).all()) \
        if plans else {}
    result = []
    for activity in activities:
        plan = plans.get(activity.id)
        follow_family = families.get(plan.follow_up_questionnaire_id) if plan else None
        rows = people.get(activity.id, [])
        counted_statuses = evaluated_statuses(r[4] for r in rows)
        counted = [r for r in rows if r[4] in counted_statuses]
        # Answers to the follow-up questionnaire are the follow-up; any other answers linked
        # to the activity are its evaluation (so an earlier choice of questionnaire still counts).
        linked = sets.get(activity.id, [])
        first = [Respondent(s[0], s[2], s[3], s[4]) for s in linked if s[2] and s[5] != follow_family]
        later = [Respondent(s[0], s[2], s[3], s[4]) for s in linked if s[2] and s[5] == follow_family]
        listed = [Respondent(r[0], r[2], r[3]) for r in rows]
        answered = match_answers(listed, first)
        followed = match_answers(listed, later)
        state = EvaluationState(
            activity.id, activity.name, activity.kind, activity.status, activity.starts_on,
            activity.ends_on, activity.responsible,
            plan.follow_up_months if plan else DEFAULT_FOLLOW_UP_MONTHS, len(counted),
            sum(1 for r in counted if r[0] in answered), sum(1 for r in counted if r[0] in followed),
            sum(n for (aid, _m), n in outcome_counts.items() if aid == activity.id),
            plan.evaluation_done_at if plan else None, plan.evaluation_done_by if plan else "",
            plan.follow_up_done_at if plan else None, plan.follow_up_done_by if plan else "",
            names.get(plan.questionnaire_id, "") if plan and plan.questionnaire_id else "",
            ", ".join(p for p in (activity.city, country_name(activity.country)) if p))
        if not with_people:
            result.append(state)
            continue
        participants = tuple(ParticipantAnswers(
            r[0], r[2], r[5], r[3], r[6] or "", r[4], r[4] in counted_statuses,
            answered[r[0]].key if r[0] in answered else None,
            answered[r[0]].answered_on if r[0] in answered else None,
            followed[r[0]].key if r[0] in followed else None,
            followed[r[0]].answered_on if r[0] in followed else None,
            outcome_counts.get((activity.id, r[2]), 0)) for r in rows)
        matched = {a.key for a in answered.values()} | {a.key for a in followed.values()}
        result.append((state, participants, sum(1 for s in linked if s[0] not in matched)))
    return result
