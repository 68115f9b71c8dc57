"""Answers to questionnaires, entered by staff on behalf of a contact or member: save,
load, list, delete, prefill from earlier answers — and what answers change in the member's
profile (markets of interest; the international orientation when the user confirms)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.formatting import format_date
from ..domain.questionnaires import (
    AnswerSource,
    AnswerValue,
    DefinitionError,
    QuestionDef,
    QuestionKind,
    check_answers,
)
from ..store.models import (
    Activity,
    Answer,
    AnswerSet,
    Campaign,
    Contact,
    Member,
    Question,
    Questionnaire,
)
from .answer_campaigns import campaign_problem
from .context import ServiceContext
from .errors import ConflictError, NotFound, ServiceError, ValidationError
from .plain import get_plain
from .profile_sync import apply_to_members, sync_member_markets
from .surveys import question_defs


@dataclass(frozen=True)
class AnswerSetInput:
    """What the answer form saves. `answers` is keyed by question key; `version` is the one
    loaded (0 for new answers)."""

    questionnaire_id: uuid.UUID
    member_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    respondent: str = ""
    answered_on: date | None = None
    source: str = AnswerSource.PHONE.value
    answers: Mapping[str, AnswerValue] = field(default_factory=dict)
    update_orientation: bool = False
    version: int = 0
    activity_id: uuid.UUID | None = None  # the activity these answers evaluate (§4.5.2)
    campaign_id: uuid.UUID | None = None


@dataclass(frozen=True)
class AnswerSetDetail:
    id: uuid.UUID
    questionnaire_id: uuid.UUID
    questionnaire_name: str
    revision: int
    member_id: uuid.UUID | None
    member_name: str
    contact_id: uuid.UUID | None
    contact_name: str
    respondent: str
    answered_on: date
    answered_by: str
    source: str
    campaign_id: uuid.UUID | None
    answers: Mapping[str, AnswerValue]
    version: int
    campaign_name: str = ""
    activity_id: uuid.UUID | None = None


@dataclass(frozen=True)
class AnswerSetRow:
    id: uuid.UUID
    answered_on: date
    member_id: uuid.UUID | None
    member_name: str
    contact_name: str
    respondent: str
    campaign_name: str
    answered_by: str
    source: str
    revision: int
    answered: int  # questions answered

    @property
    def who(self) -> str:
        return self.member_name or self.respondent or self.contact_name


@dataclass(frozen=True)
class Prefill:
    """The member's latest earlier answer to each question that has the same key (and type)
    in this questionnaire, and where those answers came from, newest first."""

    values: Mapping[str, AnswerValue]
    sources: tuple[tuple[date, str], ...]  # (answered on, questionnaire name)

    @property
    def answered_on(self) -> date:
        return self.sources[0][0]

    def describe(self) -> str:
        count = len(self.values)
        what = f"{count} answer{'s' if count != 1 else ''}"
        if len(self.sources) == 1:
            on, name = self.sources[0]
            return f"{what} from {format_date(on)} ({name})"
        return (f"{what} from {len(self.sources)} earlier questionnaires, the latest "
                f"{format_date(self.answered_on)} ({self.sources[0][1]})")


def value_of(answer: Answer) -> AnswerValue:
    return AnswerValue(tuple(answer.choices or ()), answer.other or "", answer.number,
                       answer.text or "")


# --- reading ----------------------------------------------------------------------------

def list_answer_sets(ctx: ServiceContext, questionnaire_id: uuid.UUID,
                     campaign_id: uuid.UUID | None = None) -> list[AnswerSetRow]:
    """Every live answer set to any revision of the questionnaire, newest first."""
    with ctx.uow() as uow:
        session = uow.session
        family = _family_ids(session, questionnaire_id)
        query = (select(AnswerSet, Questionnaire.revision, Member.name, Contact.name, Campaign.name)
                 .join(Questionnaire, Questionnaire.id == AnswerSet.questionnaire_id)
                 .outerjoin(Member, Member.id == AnswerSet.member_id)
                 .outerjoin(Contact, Contact.id == AnswerSet.contact_id)
                 .outerjoin(Campaign, Campaign.id == AnswerSet.campaign_id)
                 .where(AnswerSet.questionnaire_id.in_(family), AnswerSet.deleted_at.is_(None))
                 .order_by(AnswerSet.answered_on.desc(), AnswerSet.created_at.desc()))
        if campaign_id is not None:
            query = query.where(AnswerSet.campaign_id == campaign_id)
        rows = session.execute(query).all()
        return [AnswerSetRow(s.id, s.answered_on, s.member_id, member or "", contact or "",
                             s.respondent, campaign or "", s.answered_by, s.source, revision,
                             sum(1 for a in s.answers if not value_of(a).is_empty()))
                for s, revision, member, contact, campaign in rows]


def _family_ids(session, questionnaire_id: uuid.UUID) -> list[uuid.UUID]:
    family = session.execute(select(Questionnaire.family_id)
                             .where(Questionnaire.id == questionnaire_id)).scalar()
    if family is None:
        raise NotFound("That questionnaire no longer exists.")
    return list(session.scalars(select(Questionnaire.id).where(Questionnaire.family_id == family)))


def get_answer_set(ctx: ServiceContext, answer_set_id: uuid.UUID) -> AnswerSetDetail:
    with ctx.uow() as uow:
        return _detail(uow.session, _load(uow.session, answer_set_id))


def _load(session, answer_set_id: uuid.UUID) -> AnswerSet:
    answer_set = session.get(AnswerSet, answer_set_id)
    if answer_set is None or answer_set.deleted_at is not None:
        raise NotFound("Those answers no longer exist.")
    return answer_set


def _detail(session, s: AnswerSet) -> AnswerSetDetail:
    questionnaire = session.get(Questionnaire, s.questionnaire_id)
    keys = {q.id: q.key for q in questionnaire.questions}
    member = get_plain(session, Member, s.member_id) if s.member_id else None
    contact = get_plain(session, Contact, s.contact_id) if s.contact_id else None
    campaign = session.get(Campaign, s.campaign_id) if s.campaign_id else None
    return AnswerSetDetail(
        s.id, s.questionnaire_id, questionnaire.name, questionnaire.revision, s.member_id,
        member.name if member else "", s.contact_id, contact.name if contact else "",
        s.respondent, s.answered_on, s.answered_by, s.source, s.campaign_id,
        {keys[a.question_id]: value_of(a) for a in s.answers if a.question_id in keys},
        s.version, campaign.name if campaign else "", s.activity_id)


def earlier_answers(ctx: ServiceContext, questionnaire_id: uuid.UUID, member_id: uuid.UUID,
                    *, exclude: uuid.UUID | None = None) -> Prefill | None:
    """For each question of this questionnaire, the member's most recent earlier answer to a
    question with the same key and type (from any questionnaire), to start a follow-up from;
    None when there is none."""
    with ctx.uow() as uow:
        session = uow.session
        wanted = {q.key: q for q in question_defs(_questionnaire(session, questionnaire_id))}
        sets = session.scalars(
            select(AnswerSet).where(AnswerSet.member_id == member_id, AnswerSet.deleted_at.is_(None))
            .order_by(AnswerSet.answered_on.desc(), AnswerSet.created_at.desc()).limit(25))
        values: dict[str, AnswerValue] = {}
        sources: list[tuple[date, str]] = []
        for answer_set in sets:
            if answer_set.id == exclude:
                continue
            questions = {q.id: q for q in session.scalars(
                select(Question).where(Question.questionnaire_id == answer_set.questionnaire_id))}
            used = False
            for answer in answer_set.answers:
                question = questions.get(answer.question_id)
                target = wanted.get(question.key) if question else None
                if target is None or target.kind != question.kind or target.key in values:
                    continue
                value = _fit(target, value_of(answer))
                if not value.is_empty():
                    values[target.key] = value
                    used = True
            if used:
                name = session.get(Questionnaire, answer_set.questionnaire_id).name
                sources.append((answer_set.answered_on, name))
            if len(values) == len(wanted):
                break
    return Prefill(values, tuple(sources)) if values else None


def _fit(question: QuestionDef, value: AnswerValue) -> AnswerValue:
    """An earlier answer reduced to what the question can hold now."""
    if question.kind_enum.has_own_choices or question.kind == QuestionKind.YES_NO_CONSIDERING.value:
        keys = {c.key for c in question.options()}
        return AnswerValue(choices=tuple(c for c in value.choices if c in keys),
                           other=value.other if question.allow_other else "")
    return value


def _questionnaire(session, questionnaire_id: uuid.UUID) -> Questionnaire:
    questionnaire = session.get(Questionnaire, questionnaire_id)
    if questionnaire is None or questionnaire.deleted_at is not None:
        raise NotFound("That questionnaire no longer exists.")
    return questionnaire


@dataclass(frozen=True)
class ContactChoice:
    id: uuid.UUID
    name: str
    role: str

    @property
    def label(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


def member_contacts(ctx: ServiceContext, member_id: uuid.UUID) -> list[ContactChoice]:
    """The member's contact persons to answer on behalf of (primary first)."""
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(select(Contact.id, Contact.name, Contact.role, Contact.is_primary)
                            .where(Contact.member_id == member_id, Contact.deleted_at.is_(None),
                                   Contact.erased_at.is_(None))).all()
    return [ContactChoice(r.id, r.name, r.role)
            for r in sorted(rows, key=lambda r: (not r.is_primary, r.name))]


# --- writing ----------------------------------------------------------------------------

def checked_answers(questionnaire: Questionnaire,
                    values: Mapping[str, AnswerValue]) -> dict[str, AnswerValue]:
    """The answers checked against the revision's questions; ValidationError names each
    refused question (field "answer:<key>")."""
    try:
        return check_answers(question_defs(questionnaire), values)
    except DefinitionError as exc:
        raise ValidationError({f"answer:{key}": msg for key, msg in exc.errors.items()}) from None


def save_answer_set(ctx: ServiceContext, data: AnswerSetInput,
                    answer_set_id: uuid.UUID | None = None) -> tuple[AnswerSetDetail, Changes]:
    """Save answers given on a contact's or member's behalf (new, or corrected)."""
    errors: dict[str, str] = {}
    answered_on = data.answered_on or ctx.today()
    if answered_on > ctx.today():
        errors["answered_on"] = "Answers cannot come from a day that has not yet been."
    if data.source not in {s.value for s in AnswerSource}:
        errors["source"] = f"“{data.source}” is not one of the choices."
    if data.member_id is None and data.contact_id is None and not data.respondent.strip():
        errors["member"] = "Choose the member who answered, or write the respondent's name."
    with ctx.uow() as uow:
        session = uow.session
        questionnaire = _questionnaire(session, data.questionnaire_id)
        try:
            values = checked_answers(questionnaire, data.answers)
        except ValidationError as exc:
            errors.update(exc.errors)
            values = {}
        if data.member_id is not None:
            member = get_plain(session, Member, data.member_id)
            if member is None or member.deleted_at is not None:
                errors["member"] = "That member no longer exists."
        if data.contact_id is not None:
            contact = get_plain(session, Contact, data.contact_id)
            if contact is None or (data.member_id and contact.member_id != data.member_id):
                errors["contact"] = "That contact does not belong to the member."
        if data.activity_id is not None:
            activity = get_plain(session, Activity, data.activity_id)
            if activity is None or activity.deleted_at is not None:
                errors["activity"] = "That activity no longer exists."
        if not values and "answers" not in errors and not any(k.startswith("answer:") for k in errors):
            errors["answers"] = ("Nothing is answered yet: answer at least one question"
                                 + (" (to take these answers back, delete them)." if answer_set_id
                                    else ", or Cancel."))
        campaign_error = campaign_problem(session, questionnaire, data.campaign_id,
                                          data.member_id, answer_set_id)
        if campaign_error:
            errors["campaign"] = campaign_error
        if errors:
            raise ValidationError(errors)
        if answer_set_id is None:
            if questionnaire.superseded_at is not None:
                raise ServiceError(f"“{questionnaire.name}” was changed meanwhile; open it again "
                                   "to answer its newest revision.")
            answer_set = AnswerSet(id=uuid.uuid4(), questionnaire_id=questionnaire.id)
            session.add(answer_set)
        else:
            answer_set = _load(session, answer_set_id)
            if answer_set.version != data.version:
                raise ConflictError("These answers", {}, answer_set.updated_by)
            if answer_set.questionnaire_id != questionnaire.id:
                raise ServiceError("Answers cannot be moved to another questionnaire.")
        previous_member = answer_set.member_id
        answer_set.member_id = data.member_id
        answer_set.contact_id = data.contact_id
        answer_set.respondent = data.respondent.strip()
        answer_set.answered_on = answered_on
        answer_set.answered_by = answer_set.answered_by or ctx.actor
        answer_set.source = data.source
        answer_set.activity_id = data.activity_id
        answer_set.campaign_id = data.campaign_id
        write_answers(session, answer_set, questionnaire, values)
        apply_to_members(session, questionnaire, values, data.member_id, ctx,
                         update_orientation=data.update_orientation,
                         also=(previous_member,))
        changes = uow.commit()
        return _detail(session, answer_set), changes


def write_answers(session, answer_set: AnswerSet, questionnaire: Questionnaire,
                  values: Mapping[str, AnswerValue]) -> None:
    """Make the answer rows match `values` (checked answers keyed by question key)."""
    by_key = {q.key: q for q in questionnaire.questions}
    existing = {a.question_id: a for a in answer_set.answers}
    wanted_ids = {by_key[key].id for key in values}
    for answer in list(answer_set.answers):
        if answer.question_id not in wanted_ids:
            answer_set.answers.remove(answer)
    for key, value in values.items():
        question = by_key[key]
        answer = existing.get(question.id)
        if answer is None:
            answer = Answer(id=uuid.uuid4(), question_id=question.id)
            answer_set.answers.append(answer)
        answer.choices = list(value.choices)
        answer.other = value.other
        answer.number = value.number
        answer.text = value.text


def delete_answer_set(ctx: ServiceContext, answer_set_id: uuid.UUID) -> Changes:
    """Move answers to the bin; the member's markets from answers follow."""
    with ctx.uow() as uow:
        answer_set = _load(uow.session, answer_set_id)
        answer_set.deleted_at = ctx.now()
        uow.session.flush()
        if answer_set.member_id:
            sync_member_markets(uow.session, answer_set.member_id)
        return uow.commit()


def restore_answer_set(ctx: ServiceContext, answer_set_id: uuid.UUID) -> Changes:
    with ctx.uow() as uow:
        answer_set = uow.session.get(AnswerSet, answer_set_id)
        if answer_set is None:
            raise NotFound("Those answers no longer exist.")
        answer_set.deleted_at = None
        uow.session.flush()
        if answer_set.member_id:
            sync_member_markets(uow.session, answer_set.member_id)
        return uow.commit()


def relevance_evidence(ctx: ServiceContext) -> str | None:
    """Phase 1: do the members find internationalisation relevant? Of the members who
    answered a survey or campaign in the last year, how many see an international need."""
    from datetime import timedelta

    from sqlalchemy import func

    from ..store.models import Member

    since = ctx.today() - timedelta(days=365)
    answered = (select(AnswerSet.member_id)
                .where(AnswerSet.deleted_at.is_(None), AnswerSet.member_id.is_not(None),
                       AnswerSet.answered_on >= since).distinct().subquery())
    query = (select(Member.international_orientation, func.count())
             .join(answered, answered.c.member_id == Member.id)
             .where(Member.deleted_at.is_(None)).group_by(Member.international_orientation))
    with ctx.workspace.engine.connect() as conn:
        counts = dict(conn.execute(query).all())
    total = sum(counts.values())
    if not total:
        return None
    relevant = total - counts.get("none", 0)
    return (f"{relevant} of the {total} members who answered a survey or campaign in the last "
            "12 months see an international need.")
