"""Evaluation answers imported from Excel for one activity: a dry run that lists every row
and column that cannot be taken (with the value and the reason), then all or nothing. Each
row is a participant's answers; importing the same file again corrects those answers rather
than adding them twice."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.evaluations import find_member, member_problem
from ..domain.questionnaires import AnswerSource, AnswerValue
from ..domain.text import plural, search_fold
from ..imports.evaluation_answers import (
    Problem,
    WorkbookError,
    parse_sheet,
    read_sheet,
    without_value,
)
from ..store.models import Activity, AnswerSet, Contact, Member, Participant, Questionnaire
from .answers import write_answers
from .context import ServiceContext
from .errors import NotFound, ServiceError, ValidationError
from .evaluations import current_questionnaire
from .profile_sync import apply_to_members
from .records import load
from .surveys import question_defs


@dataclass(frozen=True)
class PlannedAnswers:
    row: int
    member_id: uuid.UUID
    member_name: str
    contact_id: uuid.UUID | None
    contact_name: str
    answered_on: date
    values: dict[str, AnswerValue]
    replaces: uuid.UUID | None  # the answers given before, corrected by this row


@dataclass(frozen=True)
class ImportCheck:
    file_name: str
    questionnaire_name: str
    planned: tuple[PlannedAnswers, ...]
    problems: tuple[Problem, ...]
    columns: tuple[str, ...]  # the headers read as questions
    ignored: tuple[str, ...]
    blank_rows: int
    unanswered: int = 0  # participants' rows with no answer filled in

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.planned)

    @property
    def new(self) -> int:
        return sum(1 for p in self.planned if p.replaces is None)

    @property
    def updates(self) -> int:
        return len(self.planned) - self.new

    def summary(self) -> str:
        if self.problems:
            return (f"{plural(len(self.problems), 'problem')} in {self.file_name}; nothing can be "
                    "imported until they are put right in the file.")
        if not self.planned:
            return f"{self.file_name} has no rows with answers."
        parts = [plural(self.new, "new set") + " of answers"]
        if self.updates:
            parts.append(f"{plural(self.updates, 'correction')} of answers given before")
        if self.blank_rows or self.unanswered:
            parts.append(f"{plural(self.blank_rows + self.unanswered, 'row')} without answers skipped")
        return "Ready to import: " + ", ".join(parts) + "."


class ImportRefused(ServiceError):
    """The file has problems; nothing was imported."""

    def __init__(self, check: ImportCheck) -> None:
        self.check = check
        lines = [check.summary(), *(str(p) for p in check.problems[:20])]
        if len(check.problems) > 20:
            lines.append(f"… and {len(check.problems) - 20} more")
        super().__init__("\n".join(lines))


def _participants(session, activity_id: uuid.UUID):
    return session.execute(
        select(Participant.member_id, Member.name, Participant.contact_id, Contact.name)
        .join(Member, Member.id == Participant.member_id)
        .outerjoin(Contact, Contact.id == Participant.contact_id)
        .where(Participant.activity_id == activity_id, Participant.deleted_at.is_(None),
               Member.deleted_at.is_(None))).all()


def _check(session, activity: Activity, questionnaire: Questionnaire, path: Path, today: date) -> ImportCheck:
    try:
        headers, rows = read_sheet(path)
    except (WorkbookError, OSError) as exc:
        raise ValidationError({"file": str(exc)}) from None
    sheet = parse_sheet(headers, rows, question_defs(questionnaire), today)
    problems = list(sheet.problems)
    people = _participants(session, activity.id)
    members = {m: name for m, name, _c, _cn in people}
    family = [q for q in session.scalars(select(Questionnaire.id).where(
        Questionnaire.family_id == questionnaire.family_id))]
    given = {}
    for answer_set in session.scalars(select(AnswerSet).where(
            AnswerSet.activity_id == activity.id, AnswerSet.questionnaire_id.in_(family),
            AnswerSet.deleted_at.is_(None)).order_by(AnswerSet.answered_on)):
        given[(answer_set.member_id, answer_set.contact_id)] = answer_set.id
    member_header = sheet.member_header
    planned, seen, unanswered = [], {}, 0
    for row in sheet.rows:
        if not row.member:
            continue  # already a problem
        member_id = find_member(row.member, members)
        if member_id is None:
            problems.append(Problem(row.row, member_header, row.member,
                                    without_value(member_problem(row.member, members))))
            continue
        options = [(c, cn) for m, _n, c, cn in people if m == member_id]
        contact_id, contact_name = options[0] if len(options) == 1 else (None, "")
        if row.contact:
            match = [(c, cn) for c, cn in options if cn and search_fold(cn) == search_fold(row.contact)]
            if match:
                contact_id, contact_name = match[0]
        key = (member_id, contact_id)
        if key in seen:
            problems.append(Problem(row.row, member_header, row.member,
                                    f"is answered twice (also in row {seen[key]})"))
            continue
        seen[key] = row.row
        if not row.values:
            unanswered += 1
            continue
        replaces = given.get(key) or (given.get((member_id, None)) if contact_id else None)
        planned.append(PlannedAnswers(row.row, member_id, members[member_id], contact_id, contact_name,
                                      row.answered_on or today, row.values, replaces))
    return ImportCheck(path.name, questionnaire.name, tuple(planned),
                       tuple(sorted(problems, key=lambda p: p.row)),
                       tuple(h for h, _q in sheet.questions), sheet.ignored, sheet.blank_rows, unanswered)


def _load(session, activity_id, questionnaire_id) -> tuple[Activity, Questionnaire]:
    activity = load(session, Activity, activity_id, "That activity", live=True)
    questionnaire = current_questionnaire(session, questionnaire_id)
    if questionnaire is None:
        raise NotFound("That questionnaire no longer exists.")
    return activity, questionnaire


def check_answer_file(ctx: ServiceContext, activity_id: uuid.UUID, questionnaire_id: uuid.UUID,
                      path: Path) -> ImportCheck:
    """The dry run: what importing the file would do, and every problem in it. Writes nothing."""
    with ctx.uow() as uow:
        activity, questionnaire = _load(uow.session, activity_id, questionnaire_id)
        return _check(uow.session, activity, questionnaire, Path(path), ctx.today())


def import_answer_file(ctx: ServiceContext, activity_id: uuid.UUID, questionnaire_id: uuid.UUID,
                       path: Path, source: str = AnswerSource.PAPER.value) -> tuple[ImportCheck, Changes]:
    """Import every row, or nothing when any row has a problem (ImportRefused lists them).
    A verified backup is taken first."""
    if source not in {s.value for s in AnswerSource}:
        raise ValidationError({"source": f"“{source}” is not one of the choices."})
    with ctx.uow() as uow:  # checked before the backup, so a refused file costs nothing
        activity, questionnaire = _load(uow.session, activity_id, questionnaire_id)
        check = _check(uow.session, activity, questionnaire, Path(path), ctx.today())
        if not check.ok:
            raise ImportRefused(check)
    if ctx.workspace.backups is not None and not ctx.workspace.read_only:
        ctx.workspace.backup_if_changed("before-import")
    with ctx.uow() as uow:
        session = uow.session
        activity, questionnaire = _load(session, activity_id, questionnaire_id)
        check = _check(session, activity, questionnaire, Path(path), ctx.today())
        if not check.ok:
            raise ImportRefused(check)
        for planned in check.planned:
            answer_set = session.get(AnswerSet, planned.replaces) if planned.replaces else None
            if answer_set is None:
                answer_set = AnswerSet(id=uuid.uuid4(), questionnaire_id=questionnaire.id,
                                       answered_by=ctx.actor)
                session.add(answer_set)
            elif answer_set.questionnaire_id != questionnaire.id:
                # Answers to an older revision: the corrected ones answer the newest.
                answer_set.answers.clear()
                session.flush()
                answer_set.questionnaire_id = questionnaire.id
            answer_set.member_id, answer_set.contact_id = planned.member_id, planned.contact_id
            answer_set.activity_id = activity.id
            answer_set.answered_on, answer_set.source = planned.answered_on, source
            write_answers(session, answer_set, questionnaire, planned.values)
            apply_to_members(session, questionnaire, planned.values, planned.member_id, ctx,
                             update_orientation=False)
        changes = uow.commit()
        return check, changes
