"""Evaluation of activities (§4.5.2, §4.5.4): which questionnaire is answered right after an
activity and which one for the long-term follow-up months later, who of the participants has
answered, when each falls due (on Today) and closing them; the Phase 4 evidence and the
measures the Strategy KPIs read."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import and_, func, select

from ..domain.changes import Changes
from ..domain.evaluations import (
    DEFAULT_FOLLOW_UP_MONTHS,
    FOLLOW_UP_MONTHS,
    REMIND_FOR_DAYS,
    OutcomeKind,
    StoryStatus,
)
from ..domain.formatting import format_date
from ..domain.money import Money
from ..domain.text import plural
from ..store.models import (
    Activity,
    ActivityEvaluation,
    Answer,
    AnswerSet,
    IndicatorSet,
    MeasurementRound,
    Member,
    Outcome,
    Question,
    Questionnaire,
    SuccessStory,
)
from .context import ServiceContext
from .dto import NamedRecord, like_terms
from .errors import ConflictError, ValidationError
from .evaluation_state import EvaluationState, ParticipantAnswers, families_of, gather_states
from .records import load
from .surveys import add_template_questionnaire, builtin_templates
from .today import AgendaItem

EVALUATION_TEMPLATE = "activity-evaluation"
FOLLOW_UP_TEMPLATE = "long-term-follow-up"
NOT_EVALUATED = ("cancelled", "idea")  # activities that never took place


@dataclass(frozen=True)
class QuestionnaireChoice:
    ref: str  # "id:<uuid>" of a workspace questionnaire, or "template:<key>" of a built-in one
    name: str


@dataclass(frozen=True)
class PlanInput:
    questionnaire: str = ""  # a QuestionnaireChoice ref; "" = none chosen
    follow_up: str = ""
    follow_up_months: int = DEFAULT_FOLLOW_UP_MONTHS
    note: str = ""
    version: int = 0


@dataclass(frozen=True)
class EvaluationDetail:
    state: EvaluationState
    plan: PlanInput
    questionnaire_id: uuid.UUID | None  # the revision to answer now
    questionnaire_name: str
    follow_up_id: uuid.UUID | None
    follow_up_name: str
    participants: tuple[ParticipantAnswers, ...] = field(default=())
    other_answers: int = 0  # linked to the activity, but from no one on the list

    @property
    def id(self) -> uuid.UUID:
        return self.state.activity_id

    @property
    def data(self) -> PlanInput:
        return self.plan


@dataclass(frozen=True)
class EvaluationFilter:
    text: str = ""
    when: str = "ended"  # "ended" (last day passed), "open" (not closed), "all"


# --- questionnaires to choose from -------------------------------------------------------------


def questionnaire_choices(ctx: ServiceContext) -> list[QuestionnaireChoice]:
    """The workspace's questionnaires, then the built-in ones not copied in yet (chosen, they
    are copied in when the plan is saved)."""
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(select(Questionnaire.id, Questionnaire.name, Questionnaire.template_key)
                            .where(Questionnaire.superseded_at.is_(None),
                                   Questionnaire.deleted_at.is_(None))
                            .order_by(Questionnaire.name)).all()
    installed = {r.template_key for r in rows if r.template_key}
    choices = [QuestionnaireChoice(f"id:{r.id}", r.name) for r in rows]
    choices += [QuestionnaireChoice(f"template:{t.key}", f"{t.name} (built-in, {t.handbook})")
                for t in builtin_templates() if t.key not in installed]
    return choices


def current_questionnaire(session, questionnaire_id: uuid.UUID | None) -> Questionnaire | None:
    """The newest live revision of the questionnaire's family (inside a transaction)."""
    if questionnaire_id is None:
        return None
    family = session.execute(select(Questionnaire.family_id)
                                     .where(Questionnaire.id == questionnaire_id)).scalar()
    if family is None:
        return None
    return session.execute(
        select(Questionnaire).where(Questionnaire.family_id == family, Questionnaire.deleted_at.is_(None))
        .order_by(Questionnaire.revision.desc()).limit(1)).scalars().first()


def _default_ref(session, template_key: str) -> str:
    found = session.execute(select(Questionnaire.id).where(
        Questionnaire.template_key == template_key, Questionnaire.superseded_at.is_(None),
        Questionnaire.deleted_at.is_(None)).order_by(Questionnaire.created_at).limit(1)).scalar()
    return f"id:{found}" if found else f"template:{template_key}"


def _live_activities(session, *clauses) -> list[Activity]:
    return list(session.scalars(select(Activity).where(
        Activity.deleted_at.is_(None), Activity.status.not_in(NOT_EVALUATED), *clauses)))


# --- the list and one activity -------------------------------------------------------------------


def list_evaluations(ctx: ServiceContext, f: EvaluationFilter = EvaluationFilter()) -> list[EvaluationState]:
    """Activities with their evaluation in figures, the most recently ended first."""
    today = ctx.today()
    last_day = func.coalesce(Activity.ends_on, Activity.starts_on)
    clauses = like_terms(Activity.search_text, f.text)
    if f.when in ("ended", "open"):
        clauses.append(last_day < today)
    with ctx.uow() as uow:
        states = gather_states(uow.session, _live_activities(uow.session, *clauses))
    if f.when == "open":
        states = [s for s in states if s.counted and (not s.evaluation_closed or not s.follow_up_closed)]
    return sorted(states, key=lambda s: (s.last_day, s.name), reverse=True)


def get_evaluation(ctx: ServiceContext, activity_id: uuid.UUID) -> EvaluationDetail:
    """An activity's evaluation plan, its participants and who has answered."""
    with ctx.uow() as uow:
        return _detail(uow.session, load(uow.session, Activity, activity_id, "That activity", live=True))


def _detail(session, activity: Activity) -> EvaluationDetail:
    state, participants, other = gather_states(session, [activity], with_people=True)[0]
    plan_row = session.scalar(select(ActivityEvaluation).where(ActivityEvaluation.activity_id == activity.id))
    if plan_row is None:
        plan = PlanInput(_default_ref(session, EVALUATION_TEMPLATE), _default_ref(session, FOLLOW_UP_TEMPLATE))
        questionnaire = follow = None
    else:
        questionnaire = current_questionnaire(session, plan_row.questionnaire_id)
        follow = current_questionnaire(session, plan_row.follow_up_questionnaire_id)
        plan = PlanInput(f"id:{questionnaire.id}" if questionnaire else "",
                         f"id:{follow.id}" if follow else "", plan_row.follow_up_months,
                         plan_row.note, plan_row.version)
    return EvaluationDetail(state, plan, questionnaire.id if questionnaire else None,
                            questionnaire.name if questionnaire else "",
                            follow.id if follow else None, follow.name if follow else "",
                            participants, other)


def _resolve(session, ref: str, key: str) -> uuid.UUID | None:
    if not ref:
        return None
    kind, _sep, value = ref.partition(":")
    if kind == "template":
        return add_template_questionnaire(session, value).id
    try:
        questionnaire = current_questionnaire(session, uuid.UUID(value)) if kind == "id" else None
    except ValueError:
        questionnaire = None
    if questionnaire is None:
        raise ValidationError({key: "That questionnaire no longer exists; choose another."})
    return questionnaire.id


def save_plan(ctx: ServiceContext, activity_id: uuid.UUID,
              data: PlanInput) -> tuple[EvaluationDetail, Changes]:
    """Choose the evaluation questionnaire, the follow-up questionnaire and after how many
    months the follow-up is due. A built-in questionnaire chosen is copied in."""
    errors: dict[str, str] = {}
    if data.follow_up_months not in FOLLOW_UP_MONTHS:
        errors["follow_up_months"] = "The follow-up comes 6, 9 or 12 months after the activity."
    if data.questionnaire and data.questionnaire == data.follow_up:
        errors["follow_up"] = ("Use a questionnaire of its own for the follow-up, so the "
                               "answers right after and months later are told apart.")
    if errors:
        raise ValidationError(errors)
    with ctx.uow() as uow:
        session = uow.session
        activity = load(session, Activity, activity_id, "That activity", live=True)
        row = session.scalar(select(ActivityEvaluation).where(ActivityEvaluation.activity_id == activity.id))
        if row is not None and row.version != data.version:
            raise ConflictError(f"The evaluation plan of “{activity.name}”", {}, row.updated_by)
        questionnaire = _resolve(session, data.questionnaire, "questionnaire")
        follow = _resolve(session, data.follow_up, "follow_up")
        families = families_of(session, [questionnaire, follow])
        if questionnaire and follow and families.get(questionnaire) == families.get(follow):
            raise ValidationError({"follow_up": "That is the evaluation questionnaire (another "
                                                "revision of it); choose another for the follow-up."})
        if row is None:
            row = ActivityEvaluation(id=uuid.uuid4(), activity_id=activity.id)
            session.add(row)
        row.questionnaire_id, row.follow_up_questionnaire_id = questionnaire, follow
        row.follow_up_months = data.follow_up_months
        row.note = data.note.strip()
        changes = uow.commit()
        return _detail(session, activity), changes


def set_closed(ctx: ServiceContext, activity_id: uuid.UUID, which: str, closed: bool = True) -> Changes:
    """Close the evaluation (`which` = "evaluation") or the long-term follow-up ("follow_up")
    — no more answers are waited for — or open it again. Who and when are recorded."""
    if which not in ("evaluation", "follow_up"):
        raise ValueError(which)
    with ctx.uow() as uow:
        session = uow.session
        activity = load(session, Activity, activity_id, "That activity", live=True)
        row = session.scalar(select(ActivityEvaluation).where(ActivityEvaluation.activity_id == activity.id))
        if row is None:
            row = ActivityEvaluation(id=uuid.uuid4(), activity_id=activity.id)
            session.add(row)
        setattr(row, f"{which}_done_at", ctx.now() if closed else None)
        setattr(row, f"{which}_done_by", ctx.actor if closed else "")
        return uow.commit()


def complete_evaluation(ctx: ServiceContext, activity_id: uuid.UUID) -> Changes:
    """Tick an evaluation off from the Today page."""
    return set_closed(ctx, activity_id, "evaluation")


def complete_follow_up(ctx: ServiceContext, activity_id: uuid.UUID) -> Changes:
    return set_closed(ctx, activity_id, "follow_up")


def named_evaluations(ctx: ServiceContext) -> list[NamedRecord]:
    """Activities that have ended (what an evaluation report is made of), newest first."""
    return [NamedRecord(s.activity_id, s.name, f"ended {format_date(s.last_day)} · {s.answered} of "
                                               f"{s.counted} answered · {plural(s.outcomes, 'outcome')}")
            for s in list_evaluations(ctx, EvaluationFilter(when="ended"))]


# --- Today ---------------------------------------------------------------------------------------


def _due_states(ctx: ServiceContext, until: date) -> list[EvaluationState]:
    oldest = ctx.today() - timedelta(days=REMIND_FOR_DAYS + 400)  # a 12-month follow-up included
    last_day = func.coalesce(Activity.ends_on, Activity.starts_on)
    with ctx.uow() as uow:
        states = gather_states(uow.session, _live_activities(uow.session, last_day >= oldest, last_day <= until))
    return [s for s in states if s.counted]


def _open_items(ctx: ServiceContext, until: date, which: str, kind: str, title: str,
                detail) -> list[AgendaItem]:
    since = ctx.today() - timedelta(days=REMIND_FOR_DAYS)
    return sorted((AgendaItem(kind, s.due_of(which), f"{title}: {s.name}", detail(s), "activity_evaluations",
                              s.activity_id, s.responsible, activity_id=s.activity_id)
                   for s in _due_states(ctx, until) if s.open_between(which, since, until)),
                  key=lambda item: item.due)


def evaluations_due(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Evaluations not closed, due (a week after the activity) by `until`."""
    return _open_items(ctx, until, "evaluation", "evaluation", "Evaluate", lambda s: (
        f"{s.answered} of {s.counted} participants answered · due a week after the activity"))


def follow_ups_due(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Long-term follow-ups (6, 9 or 12 months after an activity) not closed, due by `until`."""
    return _open_items(ctx, until, "follow_up", "long-term-follow-up", "Long-term follow-up", lambda s: (
        f"{s.follow_up_months} months after · {s.followed_up} of {s.counted} participants answered"))


# --- the phase questions ---------------------------------------------------------------------------


def measuring_evidence(ctx: ServiceContext) -> str | None:
    """Phase 4, "suitable ways to measure": activities of the last 12 months evaluated, what is
    due, and the baseline rounds."""
    today = ctx.today()
    since = today - timedelta(days=365)
    states = [s for s in _due_states(ctx, today) if since <= s.last_day < today]
    since, soon = today - timedelta(days=REMIND_FOR_DAYS), today + timedelta(days=30)
    due = _due_states(ctx, soon)
    open_evaluations = sum(1 for s in due if s.open_between("evaluation", since, soon))
    open_follow_ups = sum(1 for s in due if s.open_between("follow_up", since, soon))
    with ctx.workspace.engine.connect() as conn:
        rounds = conn.execute(select(func.count(), func.max(MeasurementRound.measured_on))
                              .join(IndicatorSet, IndicatorSet.id == MeasurementRound.set_id)
                              .where(MeasurementRound.deleted_at.is_(None),
                                     IndicatorSet.deleted_at.is_(None))).one()
    if not states and not rounds[0]:
        return None
    parts = []
    if states:
        evaluated = sum(1 for s in states if s.answered or s.evaluation_done_at)
        answers = sum(s.answered for s in states)
        parts.append(f"{evaluated} of {plural(len(states), 'activity', 'activities')} in the last 12 months "
                     f"evaluated ({plural(answers, 'participant')} answered)")
    if open_evaluations or open_follow_ups:
        parts.append(f"{plural(open_evaluations, 'evaluation')} and "
                     f"{plural(open_follow_ups, 'long-term follow-up')} open")
    if rounds[0]:
        parts.append(f"{plural(rounds[0], 'baseline round')}, the latest on {format_date(rounds[1])}")
    return "; ".join(parts) + "."


def communication_evidence(ctx: ServiceContext) -> str | None:
    """Phase 4, "how to communicate the results": success stories published and in the making."""
    since = ctx.today() - timedelta(days=365)
    with ctx.workspace.engine.connect() as conn:
        counts = dict(conn.execute(select(SuccessStory.status, func.count())
                                   .where(SuccessStory.deleted_at.is_(None))
                                   .group_by(SuccessStory.status)).all())
        recent = conn.execute(select(func.count()).select_from(SuccessStory).where(
            SuccessStory.deleted_at.is_(None), SuccessStory.status == StoryStatus.PUBLISHED.value,
            func.coalesce(SuccessStory.published_on, SuccessStory.happened_on) >= since)).scalar_one()
    if not counts:
        return None
    making = [f"{counts[s.value]} {s.label.lower()}" for s in StoryStatus
              if s is not StoryStatus.PUBLISHED and counts.get(s.value)]
    text = f"{plural(recent, 'success story', 'success stories')} published in the last 12 months"
    return text + (f"; in the making: {', '.join(making)}." if making else ".")


# --- measures for the Strategy KPIs -----------------------------------------------------------


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def measure_contract_value(ctx: ServiceContext, year: int, currency: str = "DKK") -> Decimal:
    """Value of the contracts and orders participants reported (as outcomes) in `year`, in
    one currency (amounts in other currencies are not converted; see contract_values)."""
    return next((m.amount for m in contract_values(ctx, year) if m.currency == currency.upper()),
                Decimal(0))


def contract_values(ctx: ServiceContext, year: int) -> tuple[Money, ...]:
    """Value of the contracts and orders reported in `year`, one exact total per currency.
    An outcome without its own date counts in the year its activity ended."""
    first, last = _year_bounds(year)
    when = func.coalesce(Outcome.occurred_on, Activity.ends_on, Activity.starts_on)
    query = (select(Outcome.currency, func.sum(Outcome.value_minor))
             .join(Activity, Activity.id == Outcome.activity_id)
             .join(Member, Member.id == Outcome.member_id)
             .where(Outcome.deleted_at.is_(None), Activity.deleted_at.is_(None), Member.deleted_at.is_(None),
                    Outcome.kind.in_((OutcomeKind.CONTRACT.value, OutcomeKind.ORDER.value)),
                    Outcome.value_minor.is_not(None), when >= first, when <= last)
             .group_by(Outcome.currency))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return tuple(sorted((Money.from_minor(int(total), code) for code, total in rows if total is not None),
                        key=lambda m: (-m.amount, m.currency)))


def measure_new_partners(ctx: ServiceContext, year: int) -> int:
    """Participants reporting a new partner in `year`: an outcome "new partner", or "yes" to the
    new-partners question of an evaluation linked to the activity. One per participant and
    activity, however often they said it."""
    first, last = _year_bounds(year)
    when = func.coalesce(Outcome.occurred_on, Activity.ends_on, Activity.starts_on)
    with ctx.workspace.engine.connect() as conn:
        reported = set(conn.execute(
            select(Outcome.activity_id, Outcome.member_id)
            .join(Activity, Activity.id == Outcome.activity_id)
            .where(Outcome.deleted_at.is_(None), Activity.deleted_at.is_(None),
                   Outcome.kind == OutcomeKind.NEW_PARTNER.value, when >= first, when <= last)).all())
        answered = conn.execute(
            select(AnswerSet.activity_id, AnswerSet.member_id, Answer.choices)
            .join(Answer, Answer.answer_set_id == AnswerSet.id)
            .join(Question, and_(Question.id == Answer.question_id, Question.key == "new_partners"))
            .join(Activity, Activity.id == AnswerSet.activity_id)
            .where(AnswerSet.deleted_at.is_(None), Activity.deleted_at.is_(None),
                   AnswerSet.member_id.is_not(None), AnswerSet.answered_on >= first,
                   AnswerSet.answered_on <= last)).all()
    reported |= {(a, m) for a, m, choices in answered if "yes" in (choices or ())}
    return len(reported)


# --- KPI measures (registered in services/kpi_measures.py) ---------------------------------


def contract_value_measure(ctx: ServiceContext, start, end):
    """KPI measure: value of contracts and orders reported this year, in DKK; amounts in other
    currencies are named in the detail, never converted."""
    from .kpi_measures import MeasureValue

    values = contract_values(ctx, end.year)
    dkk = next((m.amount for m in values if m.currency == "DKK"), Decimal(0))
    others = [m for m in values if m.currency != "DKK" and m.amount]
    detail = "reported as outcomes of this year's activities"
    if others:
        from ..domain.formatting import format_money

        detail += "; also " + ", ".join(format_money(m) for m in others) + " (not converted)"
    return MeasureValue(dkk, detail)


def new_partners_measure(ctx: ServiceContext, start, end):
    """KPI measure: participants who reported a new partner this year."""
    from .kpi_measures import MeasureValue

    count = measure_new_partners(ctx, end.year)
    return MeasureValue(Decimal(count), "participants reporting a new partner (outcomes and "
                                        "evaluation answers)")
