"""Questionnaires: the list, the builder's load and save (in revisions once answered),
copies, deletion, and the built-in templates copied into the workspace."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path

from sqlalchemy import func, select

from ..domain.changes import Changes
from ..domain.questionnaire_templates import Template, TemplateError, parse_template
from ..domain.questionnaires import Choice, DefinitionError, QuestionDef, normalise_questions
from ..domain.text import sort_key
from ..paths import resources_dir
from ..store.models import AnswerSet, Campaign, Question, Questionnaire
from .context import ServiceContext
from .errors import ConflictError, NotFound, ServiceError, ValidationError


@dataclass(frozen=True)
class QuestionnaireRow:
    id: uuid.UUID
    family_id: uuid.UUID
    name: str
    revision: int
    questions: int
    answers: int  # answer sets over every revision
    campaigns: int
    template_key: str
    updated_at: datetime


@dataclass(frozen=True)
class QuestionnaireInput:
    """What the builder saves. `version` is the one loaded (0 for a new questionnaire)."""

    name: str
    description: str = ""
    prefill: bool = False
    questions: tuple[QuestionDef, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class QuestionnaireDetail:
    id: uuid.UUID
    family_id: uuid.UUID
    revision: int
    data: QuestionnaireInput
    template_key: str
    answers: int  # answer sets of this revision
    superseded: bool
    updated_by: str


@dataclass(frozen=True)
class TemplateInfo:
    key: str
    name: str
    description: str
    handbook: str
    questions: int


# --- reading ----------------------------------------------------------------------------

def list_questionnaires(ctx: ServiceContext) -> list[QuestionnaireRow]:
    """The current revision of every questionnaire, by name."""
    question_count = (select(func.count()).select_from(Question)
                      .where(Question.questionnaire_id == Questionnaire.id).scalar_subquery())
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(
            select(Questionnaire.id, Questionnaire.family_id, Questionnaire.name,
                   Questionnaire.revision, question_count, Questionnaire.template_key,
                   Questionnaire.updated_at)
            .where(Questionnaire.superseded_at.is_(None), Questionnaire.deleted_at.is_(None))
        ).all()
        answers = dict(conn.execute(
            select(Questionnaire.family_id, func.count(AnswerSet.id))
            .join(AnswerSet, AnswerSet.questionnaire_id == Questionnaire.id)
            .where(AnswerSet.deleted_at.is_(None)).group_by(Questionnaire.family_id)).all())
        campaigns = dict(conn.execute(
            select(Campaign.questionnaire_id, func.count(Campaign.id))
            .where(Campaign.deleted_at.is_(None)).group_by(Campaign.questionnaire_id)).all())
    result = [QuestionnaireRow(r.id, r.family_id, r.name, r.revision, r[4],
                               answers.get(r.family_id, 0), campaigns.get(r.id, 0),
                               r.template_key, r.updated_at) for r in rows]
    return sorted(result, key=lambda r: sort_key(r.name))


def get_questionnaire(ctx: ServiceContext, questionnaire_id: uuid.UUID) -> QuestionnaireDetail:
    with ctx.uow() as uow:
        return _detail(uow.session, _load(uow.session, questionnaire_id))


def current_revision_id(ctx: ServiceContext, questionnaire_id: uuid.UUID) -> uuid.UUID:
    """The newest revision of the questionnaire's family (itself when it is the newest)."""
    with ctx.workspace.engine.connect() as conn:
        family = conn.execute(select(Questionnaire.family_id)
                              .where(Questionnaire.id == questionnaire_id)).scalar()
        if family is None:
            raise NotFound("That questionnaire no longer exists.")
        return conn.execute(select(Questionnaire.id).where(Questionnaire.family_id == family)
                            .order_by(Questionnaire.revision.desc()).limit(1)).scalar_one()


def question_defs(questionnaire: Questionnaire) -> tuple[QuestionDef, ...]:
    return tuple(_question_def(q) for q in questionnaire.questions)


def _question_def(q: Question) -> QuestionDef:
    return QuestionDef(key=q.key, kind=q.kind, text=q.text, help=q.help,
                       choices=tuple(Choice(k, label) for k, label in q.choices),
                       allow_other=q.allow_other, role=q.role, id=q.id)


def _load(session, questionnaire_id: uuid.UUID) -> Questionnaire:
    questionnaire = session.get(Questionnaire, questionnaire_id)
    if questionnaire is None or questionnaire.deleted_at is not None:
        raise NotFound("That questionnaire no longer exists.")
    return questionnaire


def _answer_sets(session, questionnaire_id: uuid.UUID, *, live_only: bool = True) -> int:
    query = select(func.count()).select_from(AnswerSet).where(
        AnswerSet.questionnaire_id == questionnaire_id)
    if live_only:
        query = query.where(AnswerSet.deleted_at.is_(None))
    return session.execute(query).scalar_one()


def _detail(session, q: Questionnaire) -> QuestionnaireDetail:
    data = QuestionnaireInput(q.name, q.description, q.prefill, question_defs(q), q.version)
    return QuestionnaireDetail(q.id, q.family_id, q.revision, data, q.template_key,
                               _answer_sets(session, q.id), q.superseded_at is not None,
                               q.updated_by)


# --- writing ----------------------------------------------------------------------------

def _checked(data: QuestionnaireInput) -> QuestionnaireInput:
    errors: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = "A questionnaire needs a name."
    try:
        questions = normalise_questions(data.questions)
    except DefinitionError as exc:
        errors.update(exc.errors)
        questions = ()
    if not errors and not questions:
        errors["questions"] = "Add at least one question."
    if errors:
        raise ValidationError(errors)
    return QuestionnaireInput(name, data.description.strip(), data.prefill, questions, data.version)


def _question_row(definition: QuestionDef, position: int) -> Question:
    question = Question(id=uuid.uuid4(), position=position)
    _copy_into(question, definition, position)
    return question


def _copy_into(question: Question, definition: QuestionDef, position: int) -> None:
    question.position = position
    question.key = definition.key
    question.kind = definition.kind
    question.text = definition.text
    question.help = definition.help
    question.choices = [[c.key, c.label] for c in definition.choices]
    question.allow_other = definition.allow_other
    question.role = definition.role


def _same_questions(old: tuple[QuestionDef, ...], new: tuple[QuestionDef, ...]) -> bool:
    def shape(q: QuestionDef):
        return (q.key, q.kind, q.text, q.help, q.choices, q.allow_other, q.role)

    return [shape(q) for q in old] == [shape(q) for q in new]


def _new_questionnaire(session, data: QuestionnaireInput, *, template_key: str = "",
                       family_id: uuid.UUID | None = None, revision: int = 1) -> Questionnaire:
    new_id = uuid.uuid4()
    questionnaire = Questionnaire(id=new_id, family_id=family_id or new_id, revision=revision,
                                  name=data.name, description=data.description,
                                  prefill=data.prefill, template_key=template_key)
    questionnaire.questions = [_question_row(q, i) for i, q in enumerate(data.questions)]
    session.add(questionnaire)
    return questionnaire


def create_questionnaire(ctx: ServiceContext,
                         data: QuestionnaireInput) -> tuple[QuestionnaireDetail, Changes]:
    """A new questionnaire of the workspace's own."""
    data = _checked(data)
    with ctx.uow() as uow:
        questionnaire = _new_questionnaire(uow.session, data)
        changes = uow.commit()
        return _detail(uow.session, questionnaire), changes


def save_questionnaire(ctx: ServiceContext, questionnaire_id: uuid.UUID,
                       data: QuestionnaireInput) -> tuple[QuestionnaireDetail, Changes]:
    """Save the builder. Questions of a revision that has answers are never changed: the
    edit becomes the next revision, and open campaigns move on to it."""
    data = _checked(data)
    with ctx.uow() as uow:
        session = uow.session
        current = _load(session, questionnaire_id)
        if current.superseded_at is not None:
            raise ServiceError(f"“{current.name}” has a newer revision; open that one to edit it.")
        if current.version != data.version:
            raise ConflictError(f"Questionnaire “{current.name}”",
                                {"name": (current.name, data.name)}, current.updated_by)
        unchanged = _same_questions(question_defs(current), data.questions)
        if unchanged or _answer_sets(session, current.id, live_only=False) == 0:
            current.name, current.description, current.prefill = (
                data.name, data.description, data.prefill)
            if not unchanged:
                _replace_questions(session, current, data.questions)
            target = current
        else:
            target = _new_questionnaire(session, data, template_key=current.template_key,
                                        family_id=current.family_id, revision=current.revision + 1)
            current.superseded_at = ctx.now()
            for campaign in session.scalars(select(Campaign).where(
                    Campaign.questionnaire_id == current.id, Campaign.deleted_at.is_(None))):
                campaign.questionnaire_id = target.id
        changes = uow.commit()
        return _detail(session, target), changes


def _replace_questions(session, questionnaire: Questionnaire,
                       definitions: tuple[QuestionDef, ...]) -> None:
    """Edit the questions of a revision nobody has answered yet, in place."""
    existing = {q.id: q for q in questionnaire.questions}
    kept_ids = {d.id for d in definitions if d.id in existing}
    for question in list(questionnaire.questions):
        if question.id not in kept_ids:
            questionnaire.questions.remove(question)
    session.flush()  # deletes first: a new question may reuse a removed one's key
    for position, definition in enumerate(definitions):
        question = existing.get(definition.id) if definition.id else None
        if question is None:
            questionnaire.questions.append(_question_row(definition, position))
        else:
            _copy_into(question, definition, position)
    questionnaire.questions.sort(key=lambda q: q.position)


def duplicate_questionnaire(ctx: ServiceContext, questionnaire_id: uuid.UUID,
                            name: str = "") -> tuple[QuestionnaireDetail, Changes]:
    """A copy to change freely; it keeps the question keys, so answers to the original can
    prefill it."""
    with ctx.uow() as uow:
        source = _load(uow.session, questionnaire_id)
        data = QuestionnaireInput(name or _free_name(uow.session, f"Copy of {source.name}"),
                                  source.description, source.prefill,
                                  tuple(replace(q, id=None) for q in question_defs(source)))
        copy = _new_questionnaire(uow.session, _checked(data))
        changes = uow.commit()
        return _detail(uow.session, copy), changes


def delete_questionnaire(ctx: ServiceContext, questionnaire_id: uuid.UUID) -> Changes:
    """Delete an unused questionnaire (every revision). One with answers or campaigns is
    refused: those must keep their questions."""
    with ctx.uow() as uow:
        session = uow.session
        questionnaire = _load(session, questionnaire_id)
        revisions = list(session.scalars(select(Questionnaire).where(
            Questionnaire.family_id == questionnaire.family_id)))
        ids = [r.id for r in revisions]
        answered = session.execute(select(func.count()).select_from(AnswerSet).where(
            AnswerSet.questionnaire_id.in_(ids), AnswerSet.deleted_at.is_(None))).scalar_one()
        used = session.execute(select(func.count()).select_from(Campaign).where(
            Campaign.questionnaire_id.in_(ids), Campaign.deleted_at.is_(None))).scalar_one()
        if answered or used:
            parts = [f"{answered} answer set{'s' if answered != 1 else ''}" if answered else "",
                     f"{used} campaign{'s' if used != 1 else ''}" if used else ""]
            raise ServiceError(f"“{questionnaire.name}” is used by "
                               + " and ".join(p for p in parts if p)
                               + "; it cannot be deleted. Make a copy to start afresh.")
        for revision in revisions:
            revision.deleted_at = ctx.now()
        return uow.commit()


def _free_name(session, wanted: str) -> str:
    names = set(session.scalars(select(Questionnaire.name).where(
        Questionnaire.deleted_at.is_(None), Questionnaire.superseded_at.is_(None))))
    name, n = wanted, 2
    while name in names:
        name = f"{wanted} ({n})"
        n += 1
    return name


# --- built-in templates -----------------------------------------------------------------

def templates_dir() -> Path:
    return resources_dir() / "questionnaires"


@cache
def _templates(folder: Path) -> dict[str, Template]:
    found: dict[str, Template] = {}
    for path in sorted(folder.glob("*.toml")):
        template = parse_template(path.read_text(encoding="utf-8"), path.name)
        if template.key in found:
            raise TemplateError(f"{path.name}: the key “{template.key}” is used twice")
        found[template.key] = template
    return found


def builtin_templates() -> list[TemplateInfo]:
    """The templates that ship with ClusterDesk, in handbook order."""
    templates = _templates(templates_dir()).values()
    return [TemplateInfo(t.key, t.name, t.description, t.handbook, len(t.questions))
            for t in sorted(templates, key=lambda t: (t.handbook, t.name))]


def install_template(ctx: ServiceContext, template_key: str) -> tuple[QuestionnaireDetail, Changes]:
    """Copy a built-in template into the workspace as a questionnaire of its own."""
    with ctx.uow() as uow:
        questionnaire = add_template_questionnaire(uow.session, template_key)
        changes = uow.commit()
        return _detail(uow.session, questionnaire), changes


def add_template_questionnaire(session, template_key: str) -> Questionnaire:
    """Copy a built-in template into the workspace inside the caller's transaction."""
    template = _templates(templates_dir()).get(template_key)
    if template is None:
        raise NotFound(f"There is no built-in questionnaire “{template_key}”.")
    data = QuestionnaireInput(_free_name(session, template.name), template.description,
                              template.prefill, template.questions)
    return _new_questionnaire(session, data, template_key=template.key)
